import { lookup } from "node:dns/promises";
import { createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import ipaddr from "ipaddr.js";

/**
 * Downloads a URL a visitor typed (the simulator's media inputs) without letting it reach the server's
 * own network:
 * - only http(s) on the default ports 80/443; every address the host resolves to must be public unicast
 *   (no loopback, private, link-local or metadata addresses), classified by ipaddr.js (a maintained
 *   library rather than a hand-written list of CIDRs);
 * - the connection goes to the address that was checked: the name is resolved once per hop and the
 *   socket's `lookup` answers with that address, so a second DNS answer (rebinding) is never used;
 * - redirects are followed by hand, at most 3, and only to https on 80/443, each hop checked again;
 * - the body is streamed to a file, counted as it arrives and cut at the caller's cap; a time limit
 *   covers the whole download.
 * SIMULATOR_ALLOW_PRIVATE_FETCH=1 lifts the address and port rules for a private test network (never
 * the https-only rule for redirects).
 */
export class FetchRefused extends Error {}

const MAX_REDIRECTS = 3;

/** Resolves a host name to its addresses (injectable for tests). */
export type Resolver = (host: string) => Promise<string[]>;
const systemResolver: Resolver = async (host) => (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);

const privateAllowed = () => process.env.SIMULATOR_ALLOW_PRIVATE_FETCH === "1";

/**
 * The URL's scheme and port rules, before any DNS: http(s) (https only for a redirect's target), on
 * ports 80/443. Throws FetchRefused.
 */
export function checkUrlShape(raw: string, opts: { redirect?: boolean } = {}): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FetchRefused("it is not a URL");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new FetchRefused("only http(s) URLs are downloaded");
  if (opts.redirect && url.protocol !== "https:")
    throw new FetchRefused("it redirects to a plain http URL (only https redirects are followed)");
  if (url.username || url.password) throw new FetchRefused("URLs with credentials are not downloaded");
  if (!privateAllowed() && url.port !== "" && url.port !== "80" && url.port !== "443") {
    throw new FetchRefused("only the standard ports 80 and 443 are used");
  }
  return url;
}

/** True when an address is public unicast (an IPv4-mapped IPv6 address is judged as its IPv4). */
export function isPublicAddress(address: string): boolean {
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  return parsed.range() === "unicast";
}

/**
 * Checks a URL and resolves its host once: the address the connection must use. Throws FetchRefused
 * unless every address of the host is public unicast.
 */
export async function resolvePublic(
  raw: string,
  opts: { redirect?: boolean; resolve?: Resolver } = {},
): Promise<{ url: URL; address: string }> {
  const url = checkUrlShape(raw, opts);
  const host = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  try {
    addresses = ipaddr.isValid(host) ? [host] : await (opts.resolve ?? systemResolver)(host);
  } catch {
    throw new FetchRefused("the host could not be resolved");
  }
  if (addresses.length === 0 || !addresses.every((a) => ipaddr.isValid(a))) throw new FetchRefused("the host could not be resolved");
  if (!privateAllowed() && !addresses.every(isPublicAddress)) throw new FetchRefused("the host is not on the public internet");
  return { url, address: addresses[0]! };
}

/** Kept for callers that only check: the URL when its host is public. */
export async function assertPublicUrl(raw: string): Promise<URL> {
  return (await resolvePublic(raw)).url;
}

/** A socket lookup that answers with the checked address only (no second resolution). */
function pinnedLookup(address: string): LookupFunction {
  const family = ipaddr.parse(address).kind() === "ipv6" ? 6 : 4;
  return ((_host: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (options?.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  }) as unknown as LookupFunction;
}

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: http.IncomingMessage };

function get(url: URL, address: string, signal: AbortSignal): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const mod = url.protocol === "https:" ? https : http;
    const req = mod.get(
      url,
      { lookup: pinnedLookup(address), signal, headers: { "user-agent": "nb2-simulator", accept: "image/*,video/*" }, agent: false },
      (res) => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: res }),
    );
    req.on("error", reject);
  });
}

export type DownloadOptions = {
  /** The field's cap: the download stops (and the file is removed) past this many bytes. */
  maxBytes: number;
  timeoutMs?: number;
  /** Called with each chunk's size before it is written; may throw to stop (the simulator's disk bound). */
  onBytes?: (n: number) => void;
  resolve?: Resolver;
};

/**
 * Downloads a public URL to `dest` (streamed, never held whole); resolves with the number of bytes.
 * Throws FetchRefused on any refusal, or what `onBytes` threw; a partial file is removed.
 */
export async function downloadPublic(raw: string, dest: string, opts: DownloadOptions): Promise<number> {
  const signal = AbortSignal.timeout(opts.timeoutMs ?? 15_000);
  let { url, address } = await resolvePublic(raw, { resolve: opts.resolve });
  for (let hop = 0; ; hop++) {
    let res: Answer;
    try {
      res = await get(url, address, signal);
    } catch {
      throw new FetchRefused(signal.aborted ? "the download did not finish in time" : "the host could not be reached");
    }
    if (res.status >= 300 && res.status < 400 && res.headers.location) {
      res.body.destroy();
      if (hop >= MAX_REDIRECTS) throw new FetchRefused("too many redirects");
      ({ url, address } = await resolvePublic(new URL(res.headers.location, url).href, { redirect: true, resolve: opts.resolve }));
      continue;
    }
    if (res.status < 200 || res.status >= 300) {
      res.body.destroy();
      throw new FetchRefused(`HTTP ${res.status}`);
    }
    if (Number(res.headers["content-length"] ?? 0) > opts.maxBytes) {
      res.body.destroy();
      throw new FetchRefused(`larger than ${opts.maxBytes} bytes`);
    }
    let size = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length;
        if (size > opts.maxBytes) return done(new FetchRefused(`larger than ${opts.maxBytes} bytes`));
        try {
          opts.onBytes?.(chunk.length);
        } catch (err) {
          return done(err as Error);
        }
        done(null, chunk);
      },
    });
    try {
      await pipeline(res.body, counter, createWriteStream(dest));
    } catch (err) {
      await rm(dest, { force: true });
      if (err instanceof FetchRefused) throw err;
      if (signal.aborted) throw new FetchRefused("the download did not finish in time");
      // A socket or file error (it has an errno code); anything else is the caller's own (onBytes).
      if (err instanceof Error && (err as NodeJS.ErrnoException).code !== undefined) throw new FetchRefused("the download failed");
      throw err;
    }
    return size;
  }
}
