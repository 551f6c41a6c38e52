import { describe, expect, it } from "vitest";
import { nearestAspectRatio } from "./frame";

describe("nearestAspectRatio", () => {
  it("picks the spec's ratio closest to the frame's shape", () => {
    expect(nearestAspectRatio(["16:9", "9:16"], 720, 1280)).toBe("9:16");
    expect(nearestAspectRatio(["16:9", "9:16"], 1280, 720)).toBe("16:9");
    expect(nearestAspectRatio(["16:9", "1:1", "9:16"], 1000, 1100)).toBe("1:1");
    expect(nearestAspectRatio(["16:9", "9:16"], 1000, 1100)).toBe("9:16");
  });

  it("gives nothing for a frame without a size or a spec without ratios", () => {
    expect(nearestAspectRatio(["16:9"], 0, 720)).toBeUndefined();
    expect(nearestAspectRatio([], 1280, 720)).toBeUndefined();
  });
});
