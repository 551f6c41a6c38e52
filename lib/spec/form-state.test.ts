import { describe, expect, it } from "vitest";
import { mediaPreviewUrl } from "./form-state";

describe("mediaPreviewUrl", () => {
  const page = "http://localhost:3000";

  it("previews nothing the field's rule refuses: no request for `not a url` against the page, none for plain http", () => {
    expect(mediaPreviewUrl("not a url", page)).toBeNull();
    expect(mediaPreviewUrl("", page)).toBeNull();
    expect(mediaPreviewUrl("frame.png", page)).toBeNull();
    expect(mediaPreviewUrl("http://example.com/frame.png", page)).toBeNull();
    expect(mediaPreviewUrl("ftp://example.com/frame.png", page)).toBeNull();
  });

  it("previews an https URL (trimmed), and an http one only from the page's own origin (what the CSP allows)", () => {
    expect(mediaPreviewUrl("  https://example.com/frame.png ", page)).toBe("https://example.com/frame.png");
    expect(mediaPreviewUrl("http://localhost:3000/api/simulator/files/a.png", page)).toBe(
      "http://localhost:3000/api/simulator/files/a.png",
    );
    expect(mediaPreviewUrl("http://localhost:4000/a.png", page)).toBeNull();
    expect(mediaPreviewUrl("http://localhost:3000/a.png", null)).toBeNull();
  });
});
