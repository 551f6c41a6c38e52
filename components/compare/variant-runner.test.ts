import { describe, expect, it } from "vitest";
import { startedCount, VARIANT_CONCURRENCY } from "./variant-runner";

describe("startedCount", () => {
  it("starts VARIANT_CONCURRENCY at once and one more each time one ends, never more than there are", () => {
    expect(VARIANT_CONCURRENCY).toBe(2);
    expect(startedCount(4, 0)).toBe(2);
    expect(startedCount(4, 1)).toBe(3);
    expect(startedCount(4, 3)).toBe(4);
    expect(startedCount(1, 0)).toBe(1);
  });

  it("an ended variant frees its slot whether it succeeded or failed: the count alone decides", () => {
    // Four variants, the first two fail at once: the other two start, none waits behind a failure.
    expect(startedCount(4, 2)).toBe(4);
  });
});
