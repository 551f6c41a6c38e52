import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, frameAncestorsFor, mediaOrigins, newNonce, pageSecurityHeaders } from "./headers";

const directives = (csp: string) => Object.fromEntries(csp.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)]));

describe("contentSecurityPolicy", () => {
  it("allows scripts only with the nonce, no eval outside development, and nothing else inline", () => {
    const d = directives(contentSecurityPolicy({ nonce: "abc123==" }));
    expect(d["script-src"]).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(d["object-src"]).toEqual(["'none'"]);
    expect(d["base-uri"]).toEqual(["'self'"]);
    expect(d["default-src"]).toEqual(["'self'"]);
    expect(d["connect-src"]).toEqual(["'self'"]);
    expect(d["frame-ancestors"]).toEqual(["'none'"]);
    expect(contentSecurityPolicy({ nonce: "n", dev: true })).toContain("'unsafe-eval'");
  });

  it("adds the upstream's media origins to media-src only", () => {
    const d = directives(contentSecurityPolicy({ nonce: "n", mediaOrigins: ["https://cdn.example.com"] }));
    expect(d["media-src"]).toEqual(["'self'", "blob:", "https://cdn.example.com"]);
    expect(d["script-src"]).not.toContain("https://cdn.example.com");
    expect(d["connect-src"]).toEqual(["'self'"]);
  });

  it("lets an embed fetch and play a recording from its one origin, and nothing more", () => {
    const d = directives(contentSecurityPolicy({ nonce: "n", recordingOrigin: "https://docs.example.com" }));
    expect(d["connect-src"]).toEqual(["'self'", "https://docs.example.com"]);
    expect(d["media-src"]).toEqual(["'self'", "blob:", "https://docs.example.com"]);
    expect(d["script-src"]).not.toContain("https://docs.example.com");
    expect(d["img-src"]).not.toContain("https://docs.example.com");
  });

  it("takes the frame-ancestors rule of the caller, and drops X-Frame-Options then", () => {
    const framed = pageSecurityHeaders({ nonce: "n", frameAncestors: ["https://docs.example.com"] });
    expect(directives(framed["content-security-policy"])["frame-ancestors"]).toEqual(["https://docs.example.com"]);
    expect(framed["x-frame-options"]).toBeUndefined();
    const page = pageSecurityHeaders({ nonce: "n" });
    expect(page).toMatchObject({
      "x-frame-options": "DENY",
      "x-content-type-options": "nosniff",
      "referrer-policy": "strict-origin-when-cross-origin",
    });
  });
});

describe("frameAncestorsFor", () => {
  it("lets only the embed's allowed origins frame /embed/*", () => {
    const allowed = ["https://docs.example.com"];
    expect(frameAncestorsFor("/embed/nano-banana-2", allowed)).toEqual(["'self'", ...allowed]);
    expect(frameAncestorsFor("/embed", allowed)).toEqual(["'self'", ...allowed]);
    expect(frameAncestorsFor("/", allowed)).toEqual([]);
    expect(frameAncestorsFor("/embedded", allowed)).toEqual([]);
  });
});

describe("mediaOrigins and newNonce", () => {
  it("reads UPSTREAM_MEDIA_ORIGINS, else the upstream's origin", () => {
    const saved = { ...process.env };
    try {
      process.env.UPSTREAM_BASE_URL = "https://api.example.com/v2";
      delete process.env.UPSTREAM_MEDIA_ORIGINS;
      expect(mediaOrigins()).toEqual(["https://api.example.com"]);
      process.env.UPSTREAM_MEDIA_ORIGINS = "https://cdn.example.com/x, javascript:alert(1), https://cdn2.example.com";
      expect(mediaOrigins()).toEqual(["https://cdn.example.com", "https://cdn2.example.com"]);
    } finally {
      process.env = saved;
    }
  });

  it("gives a different 128-bit nonce each time", () => {
    const a = newNonce();
    expect(Buffer.from(a, "base64")).toHaveLength(16);
    expect(newNonce()).not.toBe(a);
  });
});
