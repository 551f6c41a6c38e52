import { expect, test } from "@playwright/test";
import { PlaygroundPage } from "./playground-page";

/** The security headers on the real server, and a full run under the CSP with no violation. */
test("every page and answer carries the security headers, and no X-Powered-By", async ({ request }) => {
  const page1 = await request.get("/");
  const page2 = await request.get("/");
  for (const res of [page1, page2]) {
    const h = res.headers();
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(h["x-frame-options"]).toBe("DENY");
    expect(h["x-powered-by"]).toBeUndefined();
    expect(h["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic';/);
    expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(h["content-security-policy"]).not.toContain("unsafe-eval");
  }
  // A fresh nonce per response, and it is the one on the page's scripts.
  const nonce = (csp: string) => /'nonce-([^']+)'/.exec(csp)![1];
  const n1 = nonce(page1.headers()["content-security-policy"]);
  expect(n1).not.toBe(nonce(page2.headers()["content-security-policy"]));
  const html = await page1.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${n1}"`);

  for (const path of ["/api/health", "/api/tasks/task_unknown", "/access"]) {
    const res = await request.get(path, { maxRedirects: 0 });
    expect(res.headers()["x-content-type-options"]).toBe("nosniff");
    expect(res.headers()["x-powered-by"]).toBeUndefined();
  }
  const asset = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)![1];
  expect((await request.get(asset)).headers()["x-content-type-options"]).toBe("nosniff");
});

test("pages rendered once (lib/perf/page-cache.ts) still get a fresh nonce per response, and no other", async ({ request }) => {
  const nonceOf = (csp: string) => /'nonce-([^']+)'/.exec(csp)![1];
  // Every nonce in the HTML: on the tags, and in the RSC payload (where the theme script's props carry it).
  const noncesIn = (html: string) => new Set([...html.matchAll(/nonce="([^"]*)"|\\"nonce\\":\\"([^\\"]*)\\"/g)].map((m) => m[1] ?? m[2]));
  for (const path of ["/", "/ru", "/embed/nano-banana-2", "/?prompt=a+cat"]) {
    const seen = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const res = await request.get(path);
      expect(res.status()).toBe(200);
      const nonce = nonceOf(res.headers()["content-security-policy"]);
      expect([...noncesIn(await res.text())], path).toEqual([nonce]);
      seen.add(nonce);
    }
    expect(seen.size, path).toBe(3);
  }
});

test("a whole run works under the CSP with no violation reported", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (msg) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(msg.text())) violations.push(msg.text());
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  const pg = new PlaygroundPage(page);
  await pg.goto();
  await pg.prompt.fill("Runs under a strict CSP");
  await pg.run.click();
  // Plays the video (media-src), having run the page's scripts (script-src) and fetched the API.
  await pg.waitForVideo();
  expect(violations).toEqual([]);
});

test("a call from another site's page is refused; the access page is off by default", async ({ request }) => {
  const res = await request.post("/api/tasks", {
    data: { model: "nano-banana-2", mode: "text-to-video", input: { prompt: "csrf" } },
    headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
  });
  expect(res.status()).toBe(403);
  expect((await res.json()).error.type).toBe("permission_error");
  const access = await request.get("/access", { maxRedirects: 0 });
  expect(access.status()).toBe(307);
  expect(access.headers().location).toBe("/");
});
