import { describe, expect, it } from "vitest";
import { POLLING } from "@/lib/spec/nano-banana-2";
import { isTerminal, nextPollDelay } from "./polling";

describe("nextPollDelay", () => {
  it("starts at the first interval and grows to the maximum, never beyond", () => {
    const delays = Array.from({ length: 12 }, (_, i) => nextPollDelay(i + 1, 0, "running") as number);
    expect(delays[0]).toBe(POLLING.firstIntervalMs);
    for (let i = 1; i < delays.length; i++) expect(delays[i]).toBeGreaterThanOrEqual(delays[i - 1]);
    expect(delays.at(-1)).toBe(POLLING.maxIntervalMs);
    expect(Math.max(...delays)).toBe(POLLING.maxIntervalMs);
  });

  it.each(["succeeded", "failed"] as const)("stops on the terminal status %s", (status) => {
    expect(nextPollDelay(1, 0, status)).toBe(false);
    expect(isTerminal(status)).toBe(true);
  });

  it("keeps polling queued and running tasks", () => {
    expect(nextPollDelay(3, 1000, "queued")).toBeGreaterThan(0);
    expect(isTerminal("running")).toBe(false);
    expect(isTerminal(undefined)).toBe(false);
  });

  it("stops at the time limit", () => {
    expect(nextPollDelay(5, POLLING.timeLimitMs - 1, "running")).toBeGreaterThan(0);
    expect(nextPollDelay(5, POLLING.timeLimitMs, "running")).toBe(false);
  });
});
