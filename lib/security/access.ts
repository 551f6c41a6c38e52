import { createHash } from "node:crypto";
import { ApiError } from "@/lib/errors";
import { constantTimeEqual, hmacBase64url } from "./hmac";

/**
 * The optional access gate. When PLAYGROUND_ACCESS_TOKEN is set, a visitor enters it once on /access;
 * the server answers with a cookie `v1.<expiry>.<HMAC-SHA256>` signed with a key derived from the
 * token (changing the token logs everyone out), httpOnly and SameSite=Lax, and the proxy refuses calls
 * without a valid one. Unset (the default), there is no gate.
 */
export const ACCESS_COOKIE = "nb2_access";
export const ACCESS_PAGE = "/access";
/** How long one entry of the token lasts. */
export const ACCESS_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;

function accessToken(): string | null {
  return process.env.PLAYGROUND_ACCESS_TOKEN?.trim() || null;
}

export function accessGateEnabled(): boolean {
  return accessToken() !== null;
}

function signingKey(token: string): Buffer {
  return createHash("sha256").update(`nb2-access-cookie-v1\0${token}`).digest();
}

function sign(token: string, payload: string): string {
  return hmacBase64url(signingKey(token), payload);
}

/** True when `given` is the configured token (compared in constant time). */
export function tokenMatches(given: string): boolean {
  const token = accessToken();
  if (!token) return false;
  const digest = (s: string) => createHash("sha256").update(s).digest();
  return constantTimeEqual(digest(given.trim()), digest(token));
}

/** A fresh signed cookie value, valid for ACCESS_MAX_AGE_SECONDS from `now` (ms). */
export function issueAccessCookie(now = Date.now()): string {
  const token = accessToken();
  if (!token) throw new Error("the access gate is off");
  const payload = `v1.${Math.floor(now / 1000) + ACCESS_MAX_AGE_SECONDS}`;
  return `${payload}.${sign(token, payload)}`;
}

/** True when the cookie value was signed with the current token and has not expired. */
export function verifyAccessCookie(value: string | null | undefined, now = Date.now()): boolean {
  const token = accessToken();
  if (!token || !value) return false;
  const m = /^(v1\.(\d{1,12}))\.([A-Za-z0-9_-]{43})$/.exec(value);
  if (!m) return false;
  if (Number(m[2]) * 1000 <= now) return false;
  return constantTimeEqual(m[3], sign(token, m[1]));
}

/** The Set-Cookie header for a successful entry; `Secure` when the page was reached over https. */
export function accessSetCookie(value: string, secure: boolean): string {
  return [
    `${ACCESS_COOKIE}=${value}`,
    "Path=/",
    `Max-Age=${ACCESS_MAX_AGE_SECONDS}`,
    "HttpOnly",
    "SameSite=Lax",
    ...(secure ? ["Secure"] : []),
  ].join("; ");
}

/** The value of one cookie from a Cookie header. */
export function readCookie(headers: Headers, name: string): string | null {
  for (const part of (headers.get("cookie") ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

/** True when the gate is off or the request carries a valid access cookie. */
export function hasAccess(headers: Headers): boolean {
  return !accessGateEnabled() || verifyAccessCookie(readCookie(headers, ACCESS_COOKIE));
}

/** Throws the contract's 401 when the gate is on and the request has no valid access cookie. */
export function assertAccess(headers: Headers, requestId?: string): void {
  if (hasAccess(headers)) return;
  throw new ApiError(
    401,
    "authentication_error",
    `This playground is protected by an access token: enter it at ${ACCESS_PAGE}, then try again.`,
    { requestId },
  );
}

/** A same-site path to go back to after entering the token (never another host). */
export function safeNextPath(raw: unknown): string {
  if (typeof raw !== "string" || !raw.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\")) return "/";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: a path with a control character is refused
  if (raw.startsWith(ACCESS_PAGE) || /[\u0000-\u001f]/.test(raw)) return "/";
  return raw.slice(0, 500);
}
