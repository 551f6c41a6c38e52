import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ApiError } from "@/lib/errors";
import {
  ACCESS_COOKIE,
  ACCESS_MAX_AGE_SECONDS,
  assertAccess,
  hasAccess,
  issueAccessCookie,
  safeNextPath,
  tokenMatches,
  verifyAccessCookie,
} from "./access";
import { submitAccessForm } from "./access-form";

const saved = { ...process.env };
beforeEach(() => {
  process.env.PLAYGROUND_ACCESS_TOKEN = "open-sesame";
  process.env.RATE_LIMIT_ACCESS_PER_MINUTE = "0";
});
afterEach(() => {
  process.env = { ...saved };
});

const withCookie = (value: string) => new Headers({ cookie: `other=1; ${ACCESS_COOKIE}=${value}; x=y` });

describe("the access cookie", () => {
  it("is accepted while fresh and refused once expired", () => {
    const now = Date.now();
    const value = issueAccessCookie(now);
    expect(verifyAccessCookie(value, now + 1000)).toBe(true);
    expect(verifyAccessCookie(value, now + ACCESS_MAX_AGE_SECONDS * 1000 + 1000)).toBe(false);
  });

  it("is refused when tampered with, extended, or signed under another token", () => {
    const value = issueAccessCookie();
    const [v, exp, mac] = value.split(".");
    expect(verifyAccessCookie(`${v}.${Number(exp) + 999999}.${mac}`)).toBe(false);
    expect(verifyAccessCookie(`${v}.${exp}.${mac.slice(0, -1)}${mac.endsWith("A") ? "B" : "A"}`)).toBe(false);
    expect(verifyAccessCookie("")).toBe(false);
    process.env.PLAYGROUND_ACCESS_TOKEN = "another-token";
    expect(verifyAccessCookie(value)).toBe(false);
  });

  it("is read from the Cookie header among others", () => {
    expect(hasAccess(withCookie(issueAccessCookie()))).toBe(true);
    expect(hasAccess(new Headers())).toBe(false);
  });
});

describe("assertAccess", () => {
  it("lets everything through when the gate is off (the default)", () => {
    delete process.env.PLAYGROUND_ACCESS_TOKEN;
    expect(() => assertAccess(new Headers())).not.toThrow();
  });

  it("answers 401 authentication_error pointing at /access without a valid cookie", () => {
    try {
      assertAccess(withCookie("v1.99999999999.forged"));
      throw new Error("not refused");
    } catch (err) {
      expect(err).toBeInstanceOf(ApiError);
      expect((err as ApiError).status).toBe(401);
      expect((err as ApiError).toBody().error).toMatchObject({ type: "authentication_error", message: expect.stringContaining("/access") });
    }
  });
});

describe("tokenMatches and safeNextPath", () => {
  it("matches only the configured token", () => {
    expect(tokenMatches("open-sesame")).toBe(true);
    expect(tokenMatches("open-sesam")).toBe(false);
    expect(tokenMatches("")).toBe(false);
  });

  it.each([
    ["/?mode=r2v", "/?mode=r2v"],
    ["https://evil.example/", "/"],
    ["//evil.example/", "/"],
    ["/\\evil.example", "/"],
    ["/access?next=/", "/"],
    [undefined, "/"],
  ])("sends %j back to %j", (raw, expected) => {
    expect(safeNextPath(raw)).toBe(expected);
  });
});

describe("POST /api/access (the form)", () => {
  const submit = (body: string, headers: Record<string, string> = {}) =>
    submitAccessForm(
      new Request("http://play.example.com/api/access", {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          host: "play.example.com",
          "sec-fetch-site": "same-origin",
          ...headers,
        },
        body,
      }),
    );

  it("sets a signed, httpOnly, SameSite cookie and sends the visitor back where they were going", async () => {
    const res = await submit("token=open-sesame&next=%2F%3Fmode%3Dr2v");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/?mode=r2v");
    const cookie = res.headers.get("set-cookie")!;
    expect(cookie).toMatch(new RegExp(`^${ACCESS_COOKIE}=v1\\.\\d+\\.[A-Za-z0-9_-]{43}; Path=/; Max-Age=\\d+; HttpOnly; SameSite=Lax$`));
    expect(verifyAccessCookie(cookie.split(";")[0].split("=")[1])).toBe(true);
  });

  it("marks the cookie Secure behind https", async () => {
    const res = await submit("token=open-sesame", { "x-forwarded-proto": "https" });
    expect(res.headers.get("set-cookie")).toMatch(/; Secure$/);
  });

  it("sends a wrong token back to the form with an error and no cookie", async () => {
    const res = await submit("token=guess&next=/");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/access?error=1&next=%2F");
    expect(res.headers.get("set-cookie")).toBeNull();
  });

  it("refuses a form posted from another site", async () => {
    await expect(submit("token=open-sesame", { "sec-fetch-site": "cross-site", origin: "https://evil.example" })).rejects.toMatchObject({
      status: 403,
    });
  });

  it("limits guessing per client", async () => {
    process.env.RATE_LIMIT_ACCESS_PER_MINUTE = "3";
    const from = { "x-forwarded-for": "198.51.100.77" };
    for (let i = 0; i < 3; i++) expect((await submit("token=guess", from)).status).toBe(303);
    await expect(submit("token=open-sesame", from)).rejects.toMatchObject({ status: 429, type: "rate_limit_exceeded" });
  });
});
