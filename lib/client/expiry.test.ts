import { describe, expect, it } from "vitest";
import { expiryOf, formatLeft } from "./expiry";

describe("expiry of a video URL", () => {
  const now = Date.parse("2025-01-01T00:00:00Z");
  it("is none when the upstream says nothing or something unreadable", () => {
    expect(expiryOf(undefined, now)).toEqual({ kind: "none" });
    expect(expiryOf("soon", now)).toEqual({ kind: "none" });
  });
  it("counts down while the link lives", () => {
    const e = expiryOf("2025-01-02T00:00:00Z", now);
    expect(e).toMatchObject({ kind: "live", msLeft: 86_400_000, text: "24 h 00 min" });
    expect(expiryOf("2025-01-01T00:04:05Z", now)).toMatchObject({ kind: "live", text: "4 min 05 s" });
    expect(expiryOf("2025-01-01T00:00:12Z", now)).toMatchObject({ kind: "live", text: "12 s" });
  });
  it("is expired at and after the moment", () => {
    expect(expiryOf("2025-01-01T00:00:00Z", now)).toMatchObject({ kind: "expired" });
    expect(expiryOf("2024-12-31T23:00:00Z", now).kind).toBe("expired");
  });
  it("formats without negative numbers", () => {
    expect(formatLeft(-5)).toBe("0 s");
    expect(formatLeft(3_600_000 + 61_000)).toBe("1 h 01 min");
  });
});
