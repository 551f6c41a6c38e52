import { describe, expect, it } from "vitest";
import type { CreateTaskRequest } from "@/lib/spec/schema";
import { generationTaskDialect } from "./generation-task";
import { taskContractDialect } from "./task-contract";
import { firstString, generationTaskWire, taskContractWire, terminalStatuses } from "./wire";

/** The client-safe part of each dialect, which the proxy and the exported code share. */
describe("the wire module", () => {
  it("is what the proxy's dialects send: same paths, same body", () => {
    const request: CreateTaskRequest = {
      model: "nano-banana-2",
      mode: "r2v",
      input: { prompt: "p", aspect_ratio: "9:16", duration: 10, resolution: "720P", reference_image_urls: ["https://a/1", "https://a/2", "https://a/3"] },
    };
    const ctx = { model: "m", supportsVideoEdit: false };
    for (const [dialect, wire] of [[taskContractDialect, taskContractWire], [generationTaskDialect, generationTaskWire]] as const) {
      expect(dialect.createCall(request, ctx)).toEqual({ path: wire.createPath, body: wire.createBody(request, ctx) });
      expect(dialect.statusPath("task_1")).toBe(wire.statusPath("task_1"));
      expect(dialect.uploadPath).toBe(wire.uploadPath);
      expect(dialect.refusal("video-edit", ctx)).toBe(wire.refusal("video-edit", ctx));
    }
  });

  it("names each dialect's terminal statuses in its own words", () => {
    expect(terminalStatuses(taskContractWire)).toEqual({ succeeded: ["succeeded"], failed: ["failed"] });
    expect(terminalStatuses(generationTaskWire)).toEqual({ succeeded: ["completed"], failed: ["failed"] });
  });

  it("reads the gateway's video URL with its fallbacks, in order", () => {
    const paths = generationTaskWire.videoUrlPaths;
    expect(firstString({ result: { data: [{ url: "a" }] }, url: "b", video_url: "c" }, paths)).toBe("a");
    expect(firstString({ result: { data: [] }, url: "b", video_url: "c" }, paths)).toBe("b");
    expect(firstString({ url: "", video_url: "c" }, paths)).toBe("c");
    expect(firstString({}, paths)).toBeUndefined();
  });
});
