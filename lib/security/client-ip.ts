import { isIP } from "node:net";

/**
 * Who is calling, for the limits. `next start` gives route handlers no socket: Next's server writes the
 * peer address into X-Forwarded-For, but only when the request has none (`??=` in its base server), so
 * a client-sent header would survive. The app's proxy.ts therefore deletes X-Forwarded-For when no
 * proxy is trusted, and Next fills it from the socket; with N trusted proxies, each appended the
 * address it saw, and the client is the N-th entry from the right (anything left of it is forgeable).
 */
export function clientIp(headers: Headers, trustedProxies: number): string {
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (chain.length === 0) return "unknown";
  const index = trustedProxies <= 0 ? chain.length - 1 : Math.max(0, chain.length - trustedProxies);
  return clientKey(chain[index]);
}

/**
 * The key one client is counted under: an IPv4 address as is (also when IPv4-mapped), an IPv6 address
 * by its /64 prefix (one subscriber usually holds a whole /64 and could rotate through it), anything
 * else truncated.
 */
export function clientKey(address: string): string {
  let a = address.trim();
  if (a.startsWith("[") && a.includes("]")) a = a.slice(1, a.indexOf("]"));
  const zone = a.indexOf("%");
  if (zone >= 0) a = a.slice(0, zone);
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(a);
  if (mapped && isIP(mapped[1]) === 4) return mapped[1];
  if (isIP(a) === 4) return a;
  if (isIP(a) === 6) return `${expandIpv6(a).slice(0, 4).join(":")}::/64`;
  return `other:${a.slice(0, 64)}`;
}

/** The eight 16-bit groups of an IPv6 address, as lower-case hex without leading zeros. */
function expandIpv6(a: string): string[] {
  let text = a.toLowerCase();
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const [p, q, r, s] = v4[1].split(".").map(Number);
    text = `${text.slice(0, -v4[1].length)}${((p << 8) | q).toString(16)}:${((r << 8) | s).toString(16)}`;
  }
  const [head, tail] = text.includes("::") ? text.split("::") : [text, null];
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const fill = tail === null ? [] : Array(8 - left.length - right.length).fill("0");
  return [...left, ...fill, ...right].map((g) => parseInt(g || "0", 16).toString(16));
}
