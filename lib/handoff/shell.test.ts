import { describe, expect, it } from "vitest";
import { shellQuote } from "./shell";

describe("shellQuote", () => {
  it("leaves plain words bare and quotes the rest", () => {
    expect(shellQuote("https://api.example.com/v1/tasks")).toBe("https://api.example.com/v1/tasks");
    expect(shellQuote("a b")).toBe("'a b'");
    expect(shellQuote("")).toBe("''");
    expect(shellQuote("it's")).toBe("'it'\\''s'");
  });
});
