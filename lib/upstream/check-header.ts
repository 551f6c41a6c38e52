/**
 * The side channel that carries the upstream's raw answer and its contract flags to the browser while the
 * proxy's own body stays in the guide's contract: the response header `x-upstream-check`, base64url JSON.
 * Raw bodies above RAW_LIMIT_BYTES are left out (`truncated: true`) so the header stays small.
 */
import type { ContractFlag } from "./contract-check";

export const CHECK_HEADER = "x-upstream-check";
export const RAW_LIMIT_BYTES = 6 * 1024;

export type UpstreamCheck = {
  /** The dialect the upstream speaks. */
  dialect: string;
  /** HTTP status of the upstream's answer. */
  status: number;
  /** The upstream's JSON as it came (absent when larger than the limit). */
  raw?: unknown;
  truncated?: boolean;
  flags: ContractFlag[];
};

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(value: string): string {
  const binary = atob(value.replace(/-/g, "+").replace(/_/g, "/"));
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

/** Encodes a check for the header, leaving the raw body out when it is too big. */
export function encodeCheck(check: UpstreamCheck): string {
  const rawText = JSON.stringify(check.raw ?? null);
  const fits = new TextEncoder().encode(rawText).byteLength <= RAW_LIMIT_BYTES;
  const { raw, ...rest } = check;
  return toBase64Url(JSON.stringify(fits ? { ...rest, raw } : { ...rest, truncated: true }));
}

/** Decodes the header; null when it is absent or not what the proxy writes. */
export function decodeCheck(value: string | null): UpstreamCheck | null {
  if (!value) return null;
  try {
    const parsed = JSON.parse(fromBase64Url(value)) as UpstreamCheck;
    return parsed && typeof parsed.dialect === "string" && Array.isArray(parsed.flags) ? parsed : null;
  } catch {
    return null;
  }
}
