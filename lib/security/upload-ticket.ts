import { hkdfSync, randomBytes } from "node:crypto";
import { constantTimeEqual, hmacBase64url } from "./hmac";

/**
 * Upload tickets, like a presigned URL. The upload route (`POST /api/uploads`) is kept out of proxy.ts:
 * Next buffers the whole body of every POST its proxy runs for, and a 100 MB video would sit in memory
 * twice. Out there, the route cannot tell the client's address (a client-sent X-Forwarded-For survives),
 * so the browser first asks `POST /api/upload-tickets`, which proxy.ts does run for (the address comes
 * from the socket, the per-minute limit counts it), and gets a ticket: the client's address key, the
 * file's declared size, an expiry and a random id, signed with HMAC-SHA256. The upload sends it back in
 * `X-Upload-Ticket`; the route checks it before reading a byte, charges the daily quota to the client
 * the ticket names, and refuses a file larger than declared. A ticket is good for one upload.
 */
export const UPLOAD_TICKET_HEADER = "x-upload-ticket";
/** How long a ticket may wait before its upload starts (the upload itself may take longer). */
export const UPLOAD_TICKET_TTL_SECONDS = 300;

export type UploadTicket = {
  /** Random: a ticket is good for one upload. */
  id: string;
  /** The client's address key, taken from the socket when the ticket was issued. */
  client: string;
  /** The file's declared size in bytes: the file may not be larger. */
  size: number;
  /** UNIX seconds. */
  expiresAt: number;
};

export type TicketProblem = "missing" | "malformed" | "signature" | "expired";
export type TicketCheck =
  | { ok: true; ticket: UploadTicket }
  | { ok: false; problem: Exclude<TicketProblem, "expired"> }
  | { ok: false; problem: "expired"; expiresAt: number };

const VERSION = "t1";
/** What a ticket looks like (the OpenAPI document states it as the header's pattern). */
export const TICKET_RE = /^t1\.([A-Za-z0-9_-]{1,1000})\.([A-Za-z0-9_-]{43})$/;

/**
 * The signing key: HKDF-SHA256 of the upstream's API key, so that every instance configured with the
 * same key accepts the others' tickets, and a ticket says nothing about the key. With no key configured
 * (a keyless upstream) a random key of this process is used: tickets then work on one instance only.
 */
export function ticketSecret(upstreamKey: string): Buffer {
  if (!upstreamKey) {
    const g = globalThis as { __nb2TicketSecret?: Buffer };
    g.__nb2TicketSecret ??= randomBytes(32);
    return g.__nb2TicketSecret;
  }
  return Buffer.from(hkdfSync("sha256", upstreamKey, "nb2-upload-ticket", "v1", 32));
}

function mac(secret: Buffer, payload: string): string {
  return hmacBase64url(secret, `${VERSION}.${payload}`);
}

/** A new ticket for `client` and a file of `size` bytes, valid for UPLOAD_TICKET_TTL_SECONDS from `now` (ms). */
export function issueUploadTicket(client: string, size: number, secret: Buffer, now = Date.now()): { value: string; ticket: UploadTicket } {
  const ticket: UploadTicket = {
    id: randomBytes(12).toString("base64url"),
    client,
    size,
    expiresAt: Math.floor(now / 1000) + UPLOAD_TICKET_TTL_SECONDS,
  };
  return { value: signUploadTicket(ticket, secret), ticket };
}

/** The signed form of a ticket: `t1.<base64url JSON>.<HMAC-SHA256>`. */
export function signUploadTicket(ticket: UploadTicket, secret: Buffer): string {
  const payload = Buffer.from(JSON.stringify([ticket.id, ticket.client, ticket.size, ticket.expiresAt])).toString("base64url");
  return `${VERSION}.${payload}.${mac(secret, payload)}`;
}

/** Checks a ticket's form, signature (in constant time) and expiry at `now` (ms). */
export function verifyUploadTicket(value: string | null | undefined, secret: Buffer, now = Date.now()): TicketCheck {
  if (!value) return { ok: false, problem: "missing" };
  const m = TICKET_RE.exec(value.trim());
  if (!m) return { ok: false, problem: "malformed" };
  const [, payload, given] = m;
  if (!constantTimeEqual(given, mac(secret, payload))) return { ok: false, problem: "signature" };
  let fields: unknown;
  try {
    fields = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return { ok: false, problem: "malformed" };
  }
  if (!Array.isArray(fields) || fields.length !== 4) return { ok: false, problem: "malformed" };
  const [id, client, size, expiresAt] = fields;
  if (typeof id !== "string" || typeof client !== "string" || !Number.isSafeInteger(size) || size < 1 || !Number.isSafeInteger(expiresAt)) {
    return { ok: false, problem: "malformed" };
  }
  if (expiresAt * 1000 <= now) return { ok: false, problem: "expired", expiresAt };
  return { ok: true, ticket: { id, client, size, expiresAt } };
}
