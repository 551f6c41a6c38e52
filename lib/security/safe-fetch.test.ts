import { describe, expect, it } from "vitest";
import { assertPublicUrl, FetchRefused } from "./safe-fetch";

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
