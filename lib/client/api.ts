/**
 * The browser's side of the proxy: every call is recorded as an exchange (method, path, status,
 * latency, request and response JSON) for the output panel, and errors are rebuilt from the envelope.
 */
import type { RetryWords } from "@/lib/spec/contract";
import type { ErrorEnvelope } from "@/lib/spec/schema";
import { CHECK_HEADER, decodeCheck, type UpstreamCheck } from "@/lib/upstream/check-header";

/**
 * The authorization header an exchange records in place of the key, which only the server has (kept in
 * history; a HAR drops the header altogether). The panel says beside it, in the page's language, that the
 * server adds it.
 */
export const REDACTED_AUTH = "Bearer $UPSTREAM_API_KEY";
/** The same placeholder as runs kept before 2026-12-03 recorded it, with an English note in the value. */
export const LEGACY_REDACTED_AUTH = "Bearer $UPSTREAM_API_KEY (added by the server, never sent to the browser)";

export type Exchange = {
  id: string;
  label: string;
  method: "GET" | "POST";
  path: string;
  startedAt: number;
  latencyMs: number;
  status: number | null;
  requestHeaders: Record<string, string>;
  requestBody?: unknown;
  responseBody: unknown;
  /** What the proxy did upstream, from its headers: `POST https://…/v1/tasks`, latency. */
  upstream?: { request: string; latencyMs: number | null };
  requestId?: string;
  /** The response headers a client acts on (Retry-After, Idempotency-Key, replay), when present. */
  responseHeaders?: Record<string, string>;
  /** The upstream's raw answer and its contract flags (from the proxy's `x-upstream-check` header). */
  upstreamCheck?: UpstreamCheck;
};

/** A wait of the retry policy, shown in the task's timeline between the exchanges. */
export type WaitEntry = { id: string; startedAt: number; delayMs: number; reason: string; words?: RetryWords };

const SHOWN_RESPONSE_HEADERS = ["retry-after", "idempotency-key", "x-idempotent-replayed"];

export class ApiClientError extends Error {
  readonly status: number;
  readonly envelope: ErrorEnvelope["error"];
  readonly exchange: Exchange;
  readonly retryAfterMs: number | null;
  constructor(status: number, envelope: ErrorEnvelope["error"], exchange: Exchange, retryAfterMs: number | null) {
    super(envelope.message);
    this.status = status;
    this.envelope = envelope;
    this.exchange = exchange;
    this.retryAfterMs = retryAfterMs;
  }
}

function parseRetryAfter(value: string | null): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - Date.now());
}

let counter = 0;

/**
 * Sends one request to the proxy and returns the parsed JSON with its exchange record; a non-2xx
 * answer throws ApiClientError carrying the same record. The record notes the key the proxy adds
 * upstream (redacted) unless `upstreamKey` is false: a call that ends at the playground's server.
 */
export async function callProxy<T>(
  label: string,
  method: "GET" | "POST",
  path: string,
  {
    body,
    signal,
    headers: extraHeaders = {},
    upstreamKey = true,
  }: {
    body?: { json: unknown } | { form: FormData; describe: unknown };
    signal?: AbortSignal;
    headers?: Record<string, string>;
    upstreamKey?: boolean;
  } = {},
): Promise<{ data: T; exchange: Exchange }> {
  const headers: Record<string, string> = { accept: "application/json", ...extraHeaders };
  let payload: BodyInit | undefined;
  let requestBody: unknown;
  if (body && "json" in body) {
    headers["content-type"] = "application/json";
    payload = JSON.stringify(body.json);
    requestBody = body.json;
  } else if (body) {
    payload = body.form;
    requestBody = body.describe;
  }
  const startedAt = Date.now();
  const t0 = performance.now();
  const exchange: Exchange = {
    id: `ex${++counter}`,
    label,
    method,
    path,
    startedAt,
    latencyMs: 0,
    status: null,
    requestHeaders: upstreamKey ? { ...headers, authorization: REDACTED_AUTH } : { ...headers },
    requestBody,
    responseBody: null,
  };
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body: payload, signal, cache: "no-store" });
  } catch (err) {
    if (signal?.aborted) throw err;
    exchange.latencyMs = Math.round(performance.now() - t0);
    exchange.responseBody = { error: { type: "network_error", message: "The playground's server could not be reached." } };
    throw new ApiClientError(0, { type: "network_error", message: "The playground's server could not be reached." }, exchange, null);
  }
  const text = await res.text().catch((err) => {
    if (signal?.aborted) throw err;
    return "";
  });
  exchange.latencyMs = Math.round(performance.now() - t0);
  exchange.status = res.status;
  exchange.requestId = res.headers.get("x-request-id") ?? undefined;
  const upstreamRequest = res.headers.get("x-upstream-request");
  if (upstreamRequest) {
    const latency = res.headers.get("x-upstream-latency-ms");
    exchange.upstream = { request: upstreamRequest, latencyMs: latency ? Number(latency) : null };
  }
  const check = decodeCheck(res.headers.get(CHECK_HEADER));
  if (check) exchange.upstreamCheck = check;
  const shown = SHOWN_RESPONSE_HEADERS.flatMap((name) => {
    const value = res.headers.get(name);
    return value === null ? [] : [[name, value] as const];
  });
  if (shown.length) exchange.responseHeaders = Object.fromEntries(shown);
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = text;
  }
  exchange.responseBody = json;
  if (!res.ok) {
    // The schema (and zod) load with the first error, not with the page.
    const { errorEnvelopeSchema } = await import("@/lib/spec/schema");
    const parsed = errorEnvelopeSchema.safeParse(json);
    const envelope = parsed.success
      ? parsed.data.error
      : { type: "unexpected_response", message: `HTTP ${res.status} without an error envelope.`, request_id: exchange.requestId };
    throw new ApiClientError(res.status, envelope, exchange, parseRetryAfter(res.headers.get("retry-after")));
  }
  return { data: json as T, exchange };
}

const FORM_FIELDS = ["prompt", "aspect_ratio", "duration", "resolution", "image_url", "reference_image_urls", "video_url"] as const;
type FormField = (typeof FORM_FIELDS)[number];

/** Maps a 400's `param` (and `issues`) such as `input.duration` back onto the form's fields. */
export function formFieldErrors(err: unknown): { field: FormField; message: string }[] {
  if (!(err instanceof ApiClientError) || err.status !== 400) return [];
  const envelope = err.envelope as ErrorEnvelope["error"] & { issues?: { param: string; message: string }[] };
  const issues = envelope.issues ?? (envelope.param ? [{ param: envelope.param, message: envelope.message }] : []);
  return issues.flatMap(({ param, message }) => {
    const field = param.replace(/^input\./, "").split(".")[0];
    return (FORM_FIELDS as readonly string[]).includes(field) ? [{ field: field as FormField, message }] : [];
  });
}
