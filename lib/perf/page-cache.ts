import { timingSafeEqual } from "node:crypto";
import { embedPath } from "@/lib/embed/snippet";
import { LOCALES, localePath } from "@/lib/i18n";
import { MODELS } from "@/lib/models/registry";

/**
 * The guide and the embed (without a query string) rendered once per server process, every response
 * stamped with its own fresh CSP nonce.
 *
 * Why: their HTML is the same for everyone but for the nonce, and rendering it per request put React's two
 * renders of the page (about 14 ms of server CPU for the guide) on the cores the browser loads it with.
 * Measured by bench:web --variant against the same build rendering per request, 21 loads in the same
 * rounds: without this cache the run button was usable 21 ms later on the guide (×1.22 → ×1.38 of the bare
 * page, over the ×1.3 budget) and 12 ms later on the embed, with the document's TTFB +14 and +9 ms.
 *
 * How: proxy.ts asks this same server for the page over loopback, with a header carrying a token only this
 * process knows, and lets that request through with a placeholder nonce that is a secret of the process;
 * the HTML is kept, and each response gets it with the placeholder replaced by its own nonce (in the script
 * tags and in the RSC payload alike). Nothing a visitor sends is in the kept HTML. A query string (shared
 * links, embed presets), Next's navigation requests, and any failed render (no PORT, the server not on
 * 127.0.0.1, a status other than 200) are rendered per request as without this cache; a failed render is
 * tried again after RETRY_AFTER_MS.
 */

/** Response headers not copied from the kept render: hop-by-hop and encoding (the server compresses each response itself), cookies, and the policy (proxy.ts sets a fresh one). */
const DROPPED_HEADERS = new Set([
  "connection",
  "keep-alive",
  "transfer-encoding",
  "content-encoding",
  "content-length",
  "date",
  "set-cookie",
  "content-security-policy",
]);

/** Request headers of Next's client-side navigation and prefetch: those requests want the RSC payload, not the HTML. */
const RSC_REQUEST_HEADERS = ["rsc", "next-router-prefetch", "next-router-state-tree", "next-router-segment-prefetch", "next-action"];

/** After a failed render, how long pages are rendered per request before the cache tries again. */
export const RETRY_AFTER_MS = 30_000;

/** The pages that render the same for every visitor: the guide in each language, and the embed. */
export const CACHED_PAGES: readonly string[] = [
  ...LOCALES.map((l) => l.path),
  ...MODELS.flatMap((m) => [...LOCALES.map((l) => localePath(l.code, `/models/${m.id}`)), embedPath(m.id)]),
];

export type KeptPage = { body: string; headers: [string, string][] };
type Entry = { page: Promise<KeptPage | null>; failedAt?: number };

/** What the cache needs to know of a request. */
export type PageRequest = { method: string; pathname: string; search: string; headers: Headers };

/** Renders a page by asking the server for it with the internal header; the default fetches it over loopback. */
export type Render = (pathname: string, internalHeader: [string, string]) => Promise<Response>;

function randomToken(): string {
  // Hex: nothing in it that HTML or JSON escaping would change, so every copy of it in the page is found.
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("hex");
}

/** `port` is read at each render: `next start` sets PORT only once it listens; without it there is no address to ask. */
export function loopbackRender(port: () => string | undefined = () => process.env.PORT): Render {
  return async (pathname, [name, value]) => {
    const p = port();
    if (!p) throw new Error("PORT is not set");
    return fetch(`http://127.0.0.1:${p}${pathname}`, { headers: { [name]: value }, redirect: "manual", cache: "no-store" });
  };
}

export class PageCache {
  /** The nonce the kept pages are rendered with. A secret of this process: every response replaces it. */
  readonly placeholder = randomToken();
  /**
   * The origin the kept pages are rendered with (their canonical and hreflang links must be absolute URLs):
   * every response puts the origin it was asked at in its place.
   */
  readonly originPlaceholder = `https://${randomToken()}.invalid`;
  readonly #token = randomToken();
  readonly #entries = new Map<string, Entry>();

  constructor(
    private readonly render: Render = loopbackRender(),
    private readonly now: () => number = Date.now,
  ) {}

  static readonly INTERNAL_HEADER = "x-page-cache-render";

  /** Whether a request is this cache's own render (it must be let through, with the placeholder as its nonce). */
  isOwnRender(headers: Headers): boolean {
    const sent = headers.get(PageCache.INTERNAL_HEADER);
    if (sent === null) return false;
    const a = Buffer.from(sent);
    const b = Buffer.from(this.#token);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  /** Whether the response to a request may be a kept page: a GET of a cached page's HTML, with no query string. */
  serves(req: PageRequest): boolean {
    return (
      req.method === "GET" &&
      req.search === "" &&
      CACHED_PAGES.includes(req.pathname) &&
      !RSC_REQUEST_HEADERS.some((h) => req.headers.has(h)) &&
      // The render that fills the cache must not wait on itself (nor may a forged token be answered from it).
      !req.headers.has(PageCache.INTERNAL_HEADER)
    );
  }

  /** The kept page, rendering it once (concurrent callers share that render); null if it cannot be had now. */
  async get(pathname: string): Promise<KeptPage | null> {
    const entry = this.#entries.get(pathname);
    // A pending or kept render is shared; a failed one (its promise gave null) stands until the retry time.
    if (entry && (entry.failedAt === undefined || this.now() - entry.failedAt < RETRY_AFTER_MS)) return entry.page;
    const fresh: Entry = {
      page: this.#renderOnce(pathname).then((page) => {
        if (!page) fresh.failedAt = this.now();
        return page;
      }),
    };
    this.#entries.set(pathname, fresh);
    return fresh.page;
  }

  /** The page's HTML with this response's nonce and origin in place of the placeholders. */
  stamp(page: KeptPage, nonce: string, origin: string): string {
    return page.body.replaceAll(this.placeholder, nonce).replaceAll(this.originPlaceholder, origin);
  }

  async #renderOnce(pathname: string): Promise<KeptPage | null> {
    try {
      const res = await this.render(pathname, [PageCache.INTERNAL_HEADER, this.#token]);
      if (res.status !== 200 || !res.headers.get("content-type")?.startsWith("text/html")) {
        await res.body?.cancel();
        return null;
      }
      const body = await res.text();
      // A page without the placeholder was not rendered for this cache (or has no script to protect): not kept.
      if (!body.includes(this.placeholder)) return null;
      const headers = [...res.headers].filter(([k]) => !DROPPED_HEADERS.has(k)); // Headers iterate lower-case names
      return { body, headers };
    } catch {
      return null;
    }
  }
}
