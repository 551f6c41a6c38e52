import { describe, expect, it } from "vitest";
import { parseAllowedOrigins } from "./origins";

describe("embed origins", () => {
  it("parses a comma-separated list of origins, dropping anything that is not a bare origin", () => {
    expect(parseAllowedOrigins(" https://docs.example.com, http://127.0.0.1:4202 ,https://docs.example.com/,")).toEqual({
      origins: ["https://docs.example.com", "http://127.0.0.1:4202"],
      rejected: [],
    });
    expect(parseAllowedOrigins("https://a.example/path,*,javascript:alert(1),docs.example.com").rejected).toEqual([
      "https://a.example/path",
      "*",
      "javascript:alert(1)",
      "docs.example.com",
    ]);
    expect(parseAllowedOrigins(undefined)).toEqual({ origins: [], rejected: [] });
  });
});
