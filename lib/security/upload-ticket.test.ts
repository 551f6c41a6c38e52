import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { issueUploadTicket, signUploadTicket, ticketSecret, UPLOAD_TICKET_TTL_SECONDS, verifyUploadTicket } from "./upload-ticket";

const NOW = Date.UTC(2026, 10, 24, 12, 0, 0);

describe("upload tickets", () => {
  const secret = ticketSecret("sk-upstream-key");

  it("round-trips: the client, the declared size, a random id and an expiry TTL seconds away", () => {
    const { value, ticket } = issueUploadTicket("198.51.100.7", 104_857_600, secret, NOW);
    expect(value).toMatch(/^t1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(ticket).toEqual({
      id: expect.stringMatching(/^[A-Za-z0-9_-]{16}$/),
      client: "198.51.100.7",
      size: 104_857_600,
      expiresAt: NOW / 1000 + UPLOAD_TICKET_TTL_SECONDS,
    });
    expect(verifyUploadTicket(value, secret, NOW)).toEqual({ ok: true, ticket });
    expect(issueUploadTicket("198.51.100.7", 1, secret, NOW).ticket.id).not.toBe(ticket.id);
  });

  it("instances configured with the same key agree; another key (or a rotated one) does not", () => {
    const { value } = issueUploadTicket("2001:db8:1:2::/64", 10, ticketSecret("sk-upstream-key"), NOW);
    expect(verifyUploadTicket(value, ticketSecret("sk-upstream-key"), NOW).ok).toBe(true);
    expect(verifyUploadTicket(value, ticketSecret("sk-other-key"), NOW)).toEqual({ ok: false, problem: "signature" });
  });

  it("the signing key is derived (HKDF), not the upstream key itself", () => {
    expect(secret).toHaveLength(32);
    expect(secret.toString("utf8")).not.toContain("sk-upstream-key");
    expect(secret.equals(ticketSecret("sk-upstream-key"))).toBe(true);
  });

  it("with no upstream key, a random key of this process (never an empty, guessable one)", () => {
    const keyless = ticketSecret("");
    expect(keyless).toHaveLength(32);
    expect(keyless.equals(ticketSecret(""))).toBe(true);
    const forged = signUploadTicket({ id: "x", client: "10.0.0.1", size: 10, expiresAt: NOW / 1000 + 60 }, Buffer.alloc(32));
    expect(verifyUploadTicket(forged, keyless, NOW)).toEqual({ ok: false, problem: "signature" });
  });

  it("expires: valid until its expiry second, then refused with when it expired", () => {
    const { value, ticket } = issueUploadTicket("10.0.0.1", 10, secret, NOW);
    expect(verifyUploadTicket(value, secret, ticket.expiresAt * 1000 - 1).ok).toBe(true);
    expect(verifyUploadTicket(value, secret, ticket.expiresAt * 1000)).toEqual({
      ok: false,
      problem: "expired",
      expiresAt: ticket.expiresAt,
    });
  });

  it("every altered character of the payload or the signature breaks it", () => {
    const { value } = issueUploadTicket("10.0.0.1", 10, secret, NOW);
    for (let i = 3; i < value.length; i++) {
      if (value[i] === ".") continue;
      const altered = value.slice(0, i) + (value[i] === "A" ? "B" : "A") + value.slice(i + 1);
      const check = verifyUploadTicket(altered, secret, NOW);
      expect(check.ok, `character ${i}`).toBe(false);
    }
  });

  it("a payload signed correctly but of the wrong shape is malformed, not trusted", () => {
    const sign = (fields: unknown) => {
      const payload = Buffer.from(JSON.stringify(fields)).toString("base64url");
      return `t1.${payload}.${createHmac("sha256", secret).update(`t1.${payload}`).digest("base64url")}`;
    };
    const exp = NOW / 1000 + 60;
    expect(verifyUploadTicket(sign(["id", "10.0.0.1", 10, exp]), secret, NOW).ok).toBe(true);
    for (const fields of [
      ["id", "10.0.0.1", 0, exp],
      ["id", "10.0.0.1", "10", exp],
      ["id", 1, 10, exp],
      ["id", "10.0.0.1", 10],
      { id: "x" },
      ["id", "c", 1.5, exp],
    ]) {
      expect(verifyUploadTicket(sign(fields), secret, NOW), JSON.stringify(fields)).toEqual({ ok: false, problem: "malformed" });
    }
  });

  it("missing and malformed values", () => {
    expect(verifyUploadTicket(null, secret, NOW)).toEqual({ ok: false, problem: "missing" });
    expect(verifyUploadTicket("", secret, NOW)).toEqual({ ok: false, problem: "missing" });
    for (const v of ["t1", "t1.abc", "v1.abc.def", `t1.${"a".repeat(1001)}.${"A".repeat(43)}`, `t1.a+b.${"A".repeat(43)}`]) {
      expect(verifyUploadTicket(v, secret, NOW)).toEqual({ ok: false, problem: "malformed" });
    }
  });
});
