import { lookup } from "node:dns/promises";
import ipaddr from "ipaddr.js";

/**
 * Fetches a URL a visitor typed (the simulator downloads media inputs) without letting it reach the
 * server's own network: only http(s), only hosts whose every address is public unicast (no loopback,
 * private, link-local or metadata addresses), redirects followed by hand (at most 3, each checked), a
 * size cap enforced while reading, and a time limit for the whole download. ipaddr.js classifies the
 * address ranges (a maintained library rather than a hand-written list of CIDRs).
 * SIMULATOR_ALLOW_PRIVATE_FETCH=1 lifts the address rule for a private test network.
 */
export class FetchRefused extends Error {}

const MAX_REDIRECTS = 3;

/** Throws FetchRefused unless the URL's host resolves only to public unicast addresses. */
export async function assertPublicUrl(raw: string): Promise<URL> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FetchRefused("it is not a URL");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new FetchRefused("only http(s) URLs are downloaded");
  if (process.env.SIMULATOR_ALLOW_PRIVATE_FETCH === "1") return url;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  try {
    addresses = ipaddr.isValid(host) ? [host] : (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
  } catch {
    throw new FetchRefused("the host could not be resolved");
  }
  for (const address of addresses) {
    let parsed = ipaddr.parse(address);
    if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
    if (parsed.range() !== "unicast") throw new FetchRefused("the host is not on the public internet");
  }
  return url;
}

/** Downloads at most `maxBytes` from a public URL within `timeoutMs`; throws FetchRefused on any refusal. */
export async function fetchPublic(raw: string, maxBytes: number, timeoutMs = 15_000): Promise<Uint8Array> {
  const signal = AbortSignal.timeout(timeoutMs);
  let url = await assertPublicUrl(raw);
  for (let hop = 0; ; hop++) {
    let res: Response;
    try {
      res = await fetch(url, { signal, redirect: "manual" });
    } catch {
      throw new FetchRefused("the host could not be reached");
    }
    if (res.status >= 300 && res.status < 400 && res.headers.get("location")) {
      await res.body?.cancel().catch(() => undefined);
      if (hop >= MAX_REDIRECTS) throw new FetchRefused("too many redirects");
      url = await assertPublicUrl(new URL(res.headers.get("location")!, url).href);
      continue;
    }
    if (!res.ok) throw new FetchRefused(`HTTP ${res.status}`);
    if (Number(res.headers.get("content-length") ?? 0) > maxBytes) throw new FetchRefused(`larger than ${maxBytes} bytes`);
    const chunks: Uint8Array[] = [];
    let size = 0;
    const reader = res.body?.getReader();
    try {
      for (;;) {
        const chunk = await reader?.read();
        if (!chunk || chunk.done) break;
        size += chunk.value.byteLength;
        if (size > maxBytes) throw new FetchRefused(`larger than ${maxBytes} bytes`);
        chunks.push(chunk.value);
      }
    } catch (err) {
      await reader?.cancel().catch(() => undefined);
      throw err instanceof FetchRefused ? err : new FetchRefused("the download did not finish in time");
    }
    const out = new Uint8Array(size);
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.byteLength;
    }
    return out;
  }
}
