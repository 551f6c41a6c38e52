import { describe, expect, it } from "vitest";
import { assertPublicUrl, checkUrlShape, FetchRefused } from "./safe-fetch";

describe("assertPublicUrl", () => {
  it.each([
    "http://127.0.0.1/x.png",
    "http://localhost:3000/x.png",
    "https://10.0.0.5/x.png",
    "https://192.168.1.1/x.png",
    "http://169.254.169.254/latest/meta-data/",
    "https://[::1]/x.png",
    "https://[::ffff:127.0.0.1]/x.png",
    "https://[fd00::1]/x.png",
    "https://0.0.0.0/x.png",
    "https://100.64.0.1/x.png",
    "file:///etc/passwd",
    "ftp://example.com/x.png",
    "not a url",
  ])("refuses %s", async (url) => {
    await expect(assertPublicUrl(url)).rejects.toBeInstanceOf(FetchRefused);
  });

  it("accepts a public address", async () => {
    await expect(assertPublicUrl("https://93.184.215.14/x.png")).resolves.toBeInstanceOf(URL);
  });
});

describe("checkUrlShape (before any DNS)", () => {
  it("refuses redirects to plain http, non-standard ports and credentials", () => {
    expect(() => checkUrlShape("http://cdn.example.com/x.png", { redirect: true })).toThrow(/plain http/);
    expect(() => checkUrlShape("https://cdn.example.com:8443/x.png", { redirect: true })).toThrow(/ports 80 and 443/);
    expect(() => checkUrlShape("https://cdn.example.com:22/x.png")).toThrow(/ports 80 and 443/);
    expect(() => checkUrlShape("https://user:pw@cdn.example.com/x.png")).toThrow(/credentials/);
    expect(checkUrlShape("https://cdn.example.com:443/x.png", { redirect: true }).hostname).toBe("cdn.example.com");
    expect(checkUrlShape("http://cdn.example.com/x.png").protocol).toBe("http:");
  });
});
