import { describe, expect, it } from "vitest";
import { POLLING } from "@/lib/spec/contract";
import { isTerminal, nextPollDelay } from "./polling";

describe("nextPollDelay", () => {
  it("starts short and grows to the maximum", () => {
    const delays = Array.from({ length: 10 }, (_, i) => nextPollDelay(i + 1, 0, "running"));
    expect(delays.slice(0, 4)).toEqual([1000, 1500, 2250, 3375]);
    expect(delays.every((d, i) => i === 0 || (d as number) >= (delays[i - 1] as number))).toBe(true);
    expect(delays[9]).toBe(POLLING.maxIntervalMs);
  });

  it("looks only once per hidden interval in a hidden tab", () => {
    expect(nextPollDelay(1, 0, "queued", true)).toBe(POLLING.hiddenIntervalMs);
  });

  it("stops on a terminal status and after the time limit", () => {
    expect(nextPollDelay(3, 0, "succeeded")).toBe(false);
    expect(nextPollDelay(3, 0, "failed")).toBe(false);
    expect(nextPollDelay(3, POLLING.timeLimitMs, "running")).toBe(false);
    expect(isTerminal("running")).toBe(false);
    expect(isTerminal(undefined)).toBe(false);
  });
});
