import { describe, expect, it } from "vitest";
import { formatAge } from "./format";

describe("formatAge", () => {
  it("says a run started after the panel's `now` was taken as now, never in the future", () => {
    expect(formatAge(18_000, 0, "en")).toBe("now");
    expect(formatAge(18_000, 0, "ru")).toBe("сейчас");
    expect(formatAge(0, 18_000, "en")).toBe("18 seconds ago");
    expect(formatAge(0, 5 * 60_000, "ru")).toBe("5 минут назад");
  });
});
