import { describe, expect, it } from "vitest";
import { decodeCheck, encodeCheck, RAW_LIMIT_BYTES } from "./check-header";

describe("the x-upstream-check header", () => {
  it("round-trips the raw answer and flags as base64url (UTF-8 safe)", () => {
    const check = {
      dialect: "generation-task",
      status: 200,
      raw: { message: "готово ✓" },
      flags: [{ path: "x", kind: "extra" as const, message: "m" }],
    };
    const header = encodeCheck(check);
    expect(header).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCheck(header)).toEqual(check);
  });
  it("leaves a large raw answer out and says so, keeping the flags", () => {
    const header = encodeCheck({ dialect: "task-contract", status: 200, raw: { big: "x".repeat(RAW_LIMIT_BYTES) }, flags: [] });
    expect(decodeCheck(header)).toEqual({ dialect: "task-contract", status: 200, truncated: true, flags: [] });
    expect(header.length).toBeLessThan(200);
  });
  it("ignores a header it did not write", () => {
    expect(decodeCheck(null)).toBeNull();
    expect(decodeCheck("%%%")).toBeNull();
    expect(decodeCheck(btoa(JSON.stringify({ hello: 1 })))).toBeNull();
  });
});
