import { describe, expect, it } from "vitest";
import { newNonce } from "@/lib/security/headers";
import { CACHED_PAGES, loopbackRender, PageCache, RETRY_AFTER_MS, type Render } from "./page-cache";

/** A render that answers like the page would: the nonce it was given (by proxy.ts) on every script, and in the RSC payload. */
function fakeServer(cache: () => PageCache, opts: { status?: number; contentType?: string } = {}) {
  const calls: { pathname: string; header: [string, string] }[] = [];
  const render: Render = async (pathname, header) => {
    calls.push({ pathname, header });
    const headers = new Headers({ [header[0]]: header[1] });
    const nonce = cache().isOwnRender(headers) ? cache().placeholder : "not-ours";
    const origin = cache().isOwnRender(headers) ? cache().originPlaceholder : "http://elsewhere";
    const body = `<html><head><link rel="canonical" href="${origin}${pathname}"/><script nonce="${nonce}">theme()</script></head><body><p>${pathname}</p><script nonce="${nonce}">self.__next_f.push([1,"{\\"nonce\\":\\"${nonce}\\"}"])</script></body></html>`;
    return new Response(body, {
      status: opts.status ?? 200,
      headers: {
        "content-type": opts.contentType ?? "text/html; charset=utf-8",
        "cache-control": "private, no-cache, no-store, max-age=0, must-revalidate",
        vary: "rsc, Accept-Encoding",
        "content-encoding": "gzip",
        "set-cookie": "a=b",
        "content-security-policy": `script-src 'nonce-${nonce}'`,
      },
    });
  };
  return { calls, render };
}

const request = (over: Partial<{ method: string; pathname: string; search: string; headers: Headers }> = {}) => ({
  method: "GET",
  pathname: "/",
  search: "",
  headers: new Headers(),
  ...over,
});

describe("PageCache", () => {
  it("renders a page once and gives every response its own nonce, everywhere the placeholder was", async () => {
    let cache!: PageCache;
    const server = fakeServer(() => cache);
    cache = new PageCache(server.render);
    const [a, b] = await Promise.all([cache.get("/"), cache.get("/")]);
    expect(server.calls).toHaveLength(1);
    expect(a).toBe(b);
    const n1 = newNonce();
    const n2 = newNonce();
    const html1 = cache.stamp(a!, n1, "https://play.example.com");
    const html2 = cache.stamp(a!, n2, "http://127.0.0.1:3000");
    expect(html1).not.toContain(cache.placeholder);
    expect(html1.match(/nonce="[^"]*"/g)).toEqual([`nonce="${n1}"`, `nonce="${n1}"`]);
    expect(html1).toContain(`{\\"nonce\\":\\"${n1}\\"}`);
    expect(html2.match(/nonce="[^"]*"/g)).toEqual([`nonce="${n2}"`, `nonce="${n2}"`]);
    // Absolute links carry the origin each response was asked at.
    expect(html1).toContain('<link rel="canonical" href="https://play.example.com/"/>');
    expect(html2).toContain('<link rel="canonical" href="http://127.0.0.1:3000/"/>');
    expect(html1).not.toContain(cache.originPlaceholder);
    // Another page is rendered on its own.
    expect(cache.stamp((await cache.get("/ru"))!, n1, "https://play.example.com")).toContain("<p>/ru</p>");
    expect(server.calls.map((c) => c.pathname)).toEqual(["/", "/ru"]);
  });

  it("keeps the page's own headers but not its encoding, cookies or policy", async () => {
    let cache!: PageCache;
    const server = fakeServer(() => cache);
    cache = new PageCache(server.render);
    const kept = await cache.get("/");
    const names = kept!.headers.map(([k]) => k);
    expect(names).toEqual(expect.arrayContaining(["content-type", "cache-control", "vary"]));
    for (const dropped of ["content-encoding", "set-cookie", "content-security-policy"]) expect(names).not.toContain(dropped);
  });

  it("asks for the page with a token only this process knows, and no other request passes as its own render", async () => {
    let cache!: PageCache;
    const server = fakeServer(() => cache);
    cache = new PageCache(server.render);
    await cache.get("/");
    const [name, token] = server.calls[0].header;
    expect(cache.isOwnRender(new Headers({ [name]: token }))).toBe(true);
    expect(cache.isOwnRender(new Headers())).toBe(false);
    expect(cache.isOwnRender(new Headers({ [name]: "0".repeat(token.length) }))).toBe(false);
    expect(cache.isOwnRender(new Headers({ [name]: token.slice(1) }))).toBe(false);
    // Same length in characters, not in bytes.
    expect(cache.isOwnRender(new Headers({ [name]: "\u00e9".repeat(token.length) }))).toBe(false);
    // Two processes have different tokens and placeholders.
    const other = new PageCache(server.render);
    expect(other.isOwnRender(new Headers({ [name]: token }))).toBe(false);
    expect(other.placeholder).not.toBe(cache.placeholder);
  });

  it("serves only GETs of the home page, each model's guide and embed with no query string, and never Next's own navigation requests", () => {
    const cache = new PageCache(async () => new Response(""));
    expect(CACHED_PAGES).toEqual([
      "/",
      "/ru",
      "/models/nano-banana-2",
      "/ru/models/nano-banana-2",
      "/embed/nano-banana-2",
      "/models/gemini-omni-flash",
      "/ru/models/gemini-omni-flash",
      "/embed/gemini-omni-flash",
    ]);
    for (const pathname of CACHED_PAGES) expect(cache.serves(request({ pathname }))).toBe(true);
    // A shared link or an embed preset is rendered for its query.
    expect(cache.serves(request({ search: "?prompt=a+cat" }))).toBe(false);
    expect(cache.serves(request({ pathname: "/embed/nano-banana-2", search: "?theme=dark" }))).toBe(false);
    expect(cache.serves(request({ method: "HEAD" }))).toBe(false);
    expect(cache.serves(request({ method: "POST" }))).toBe(false);
    expect(cache.serves(request({ pathname: "/access" }))).toBe(false);
    // Only the registry's models: any other id would grow the cache with a page per guess.
    expect(cache.serves(request({ pathname: "/models/nope" }))).toBe(false);
    expect(cache.serves(request({ pathname: "/embed/nope" }))).toBe(false);
    expect(cache.serves(request({ pathname: "/models/gemini-omni-flash", search: "?duration=4" }))).toBe(false);
    expect(cache.serves(request({ pathname: "/ru/" }))).toBe(false);
    for (const h of ["rsc", "next-router-prefetch", "next-router-state-tree"]) {
      expect(cache.serves(request({ headers: new Headers({ [h]: "1" }) }))).toBe(false);
    }
  });

  it("keeps nothing when the render fails, and tries again only after a while", async () => {
    let t = 0;
    let cache!: PageCache;
    let status = 500;
    const calls: string[] = [];
    const render: Render = async (pathname, header) => {
      calls.push(pathname);
      return fakeServer(() => cache, { status }).render(pathname, header);
    };
    cache = new PageCache(render, () => t);
    expect(await cache.get("/")).toBeNull();
    t += RETRY_AFTER_MS - 1;
    expect(await cache.get("/")).toBeNull();
    expect(calls).toHaveLength(1);
    status = 200;
    t += 1;
    expect(await cache.get("/")).not.toBeNull();
    expect(calls).toHaveLength(2);
  });

  it("keeps no page that is not HTML, lacks the placeholder, or could not be fetched", async () => {
    let cache!: PageCache;
    cache = new PageCache(fakeServer(() => cache, { contentType: "application/json" }).render);
    expect(await cache.get("/")).toBeNull();
    // A render that did not get the placeholder (not let through as this cache's own) is not kept.
    cache = new PageCache(async () => new Response(`<script nonce="x"></script>`, { headers: { "content-type": "text/html" } }));
    expect(await cache.get("/")).toBeNull();
    cache = new PageCache(async () => {
      throw new Error("ECONNREFUSED");
    });
    expect(await cache.get("/")).toBeNull();
    cache = new PageCache(loopbackRender(() => undefined));
    expect(await cache.get("/")).toBeNull();
  });
});
