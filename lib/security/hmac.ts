import { createHmac, timingSafeEqual } from "node:crypto";

/** HMAC-SHA256 of `payload` under `key`, base64url: the signature of the access cookie and of upload tickets. */
export function hmacBase64url(key: Buffer, payload: string): string {
  return createHmac("sha256", key).update(payload).digest("base64url");
}

/** Equality of two secrets or signatures, in constant time (different lengths are simply unequal). */
export function constantTimeEqual(a: Buffer | string, b: Buffer | string): boolean {
  const x = typeof a === "string" ? Buffer.from(a) : a;
  const y = typeof b === "string" ? Buffer.from(b) : b;
  return x.length === y.length && timingSafeEqual(x, y);
}
