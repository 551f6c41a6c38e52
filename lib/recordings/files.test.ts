import { describe, expect, it } from "vitest";
import { recordingFile } from "./files";

describe("recordingFile", () => {
  it("serves recordings and their videos with their content types", () => {
    expect(recordingFile(["nano-banana-2", "r2v.json"])).toEqual({
      relative: "nano-banana-2/r2v.json",
      contentType: "application/json; charset=utf-8",
    });
    expect(recordingFile(["r2v.mp4"])?.contentType).toBe("video/mp4");
    expect(recordingFile(["clip.WEBM"])?.contentType).toBe("video/webm");
  });

  it("refuses every other name before the file system is asked: climbing out, hidden files, other types", () => {
    for (const segments of [
      [".."],
      ["..", "etc", "passwd.json"],
      ["a", "..", "b.json"],
      [".env"],
      ["x", ".git.json"],
      ["run.js"],
      ["README"],
      ["a/b.json"],
      ["a\\b.json"],
      ["%2e%2e.json"],
      [],
    ])
      expect(recordingFile(segments), segments.join("/")).toBeNull();
  });
});
