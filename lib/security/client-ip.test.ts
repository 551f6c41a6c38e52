import { describe, expect, it } from "vitest";
import { clientIp, clientKey } from "./client-ip";

const h = (xff?: string) => new Headers(xff === undefined ? {} : { "x-forwarded-for": xff });

describe("clientIp", () => {
  it("with no trusted proxy takes the one entry Next's server wrote from the socket", () => {
    expect(clientIp(h("203.0.113.7"), 0)).toBe("203.0.113.7");
  });

  it("with no trusted proxy never takes a client-written entry left of the socket's", () => {
    // proxy.ts strips a client's header; should one survive, only the right-most entry counts.
    expect(clientIp(h("1.1.1.1, 203.0.113.7"), 0)).toBe("203.0.113.7");
  });

  it("with N trusted proxies takes the N-th entry from the right, ignoring forged ones to its left", () => {
    expect(clientIp(h("6.6.6.6, 198.51.100.4, 10.0.0.2"), 2)).toBe("198.51.100.4");
    expect(clientIp(h("6.6.6.6, 198.51.100.4"), 1)).toBe("198.51.100.4");
  });

  it("falls back to the left-most entry when fewer proxies appended than configured", () => {
    expect(clientIp(h("198.51.100.4"), 2)).toBe("198.51.100.4");
  });

  it("answers 'unknown' without the header", () => {
    expect(clientIp(h(), 0)).toBe("unknown");
    expect(clientIp(h(" , "), 1)).toBe("unknown");
  });
});

describe("clientKey", () => {
  it("counts an IPv4-mapped address as the IPv4 address", () => {
    expect(clientKey("::ffff:192.0.2.1")).toBe("192.0.2.1");
  });

  it("counts IPv6 clients by their /64, however they write it", () => {
    const a = clientKey("2001:db8:0:1::5");
    expect(a).toBe("2001:db8:0:1::/64");
    expect(clientKey("2001:0DB8:0000:0001:ffff:ffff:ffff:ffff")).toBe(a);
    expect(clientKey("[2001:db8:0:1::9]")).toBe(a);
    expect(clientKey("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
    expect(clientKey("2001:db8:0:2::5")).not.toBe(a);
  });

  it("keeps anything else apart and short", () => {
    expect(clientKey("not an ip")).toBe("other:not an ip");
    expect(clientKey("x".repeat(500))).toHaveLength(6 + 64);
  });
});
