import { describe, expect, it } from "vitest";
import { framingHeaders, parseAllowedOrigins } from "./origins";

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

  it("lets only embed views be framed, and only by the listed origins", () => {
    expect(framingHeaders("/embed/nano-banana-2", ["https://docs.example.com"])).toEqual({
      "content-security-policy": "frame-ancestors 'self' https://docs.example.com",
    });
    expect(framingHeaders("/embed/nano-banana-2", [])).toEqual({ "content-security-policy": "frame-ancestors 'self'" });
    for (const path of ["/", "/ru", "/api/openapi.json", "/embedded"]) {
      expect(framingHeaders(path, ["https://docs.example.com"])).toEqual({
        "content-security-policy": "frame-ancestors 'none'",
        "x-frame-options": "DENY",
      });
    }
  });
});
