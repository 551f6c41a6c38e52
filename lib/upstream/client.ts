import "server-only";
import { type UpstreamConfig, upstreamConfig } from "@/lib/config";
import { ApiError, newRequestId } from "@/lib/errors";

/** What one call to the upstream produced: status, parsed JSON and timing. */
export type UpstreamAnswer = {
  status: number;
  body: unknown;
  method: string;
  url: string;
  latencyMs: number;
  headers: Headers;
};

type CallOptions = {
  json?: unknown;
  form?: FormData;
  /** A streamed body (sent with `duplex: "half"`, never held whole) and its content type. */
  stream?: { body: ReadableStream<Uint8Array>; contentType: string };
  /** Aborts the call (e.g. when a streamed upload turns out too big). */
  signal?: AbortSignal;
  /** Extra named headers (only these are forwarded, never the browser's own). */
  headers?: Record<string, string>;
  requestId: string;
};

/**
 * Calls the one configured upstream at a fixed path. The key is attached here and only here. Network
 * failures become a 502, timeouts a 504 and non-JSON answers a 502, all in the contract's envelope.
 */
export async function callUpstream(method: "GET" | "POST", path: string, opts: CallOptions): Promise<UpstreamAnswer> {
  const cfg: UpstreamConfig = upstreamConfig();
  const url = `${cfg.baseUrl}${path}`;
  const headers: Record<string, string> = {
    accept: "application/json",
    authorization: `Bearer ${cfg.apiKey}`,
    "x-request-id": opts.requestId,
    ...opts.headers,
  };
  let body: BodyInit | undefined;
  if (opts.json !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(opts.json);
  } else if (opts.form) {
    body = opts.form;
  } else if (opts.stream) {
    headers["content-type"] = opts.stream.contentType;
    body = opts.stream.body;
  }
  const timeout = AbortSignal.timeout(cfg.timeoutMs);
  const signal = opts.signal ? AbortSignal.any([timeout, opts.signal]) : timeout;
  const started = performance.now();
  let res: Response;
  try {
    const init: RequestInit & { duplex?: "half" } = { method, headers, body, cache: "no-store", redirect: "manual", signal };
    // A streamed body: fetch clones the request so that it could follow a redirect, and the clone tees
    // the body, whose unread branch then keeps every chunk until the call ends (the whole upload in
    // memory; nodejs/undici#4058). With no window and redirect "error" the Fetch standard sends the
    // request itself, without the clone; a stream could not be replayed to a redirect's target anyway.
    if (opts.stream) Object.assign(init, { duplex: "half", redirect: "error", window: null });
    res = await fetch(url, init);
  } catch (err) {
    if (opts.signal?.aborted) throw opts.signal.reason;
    const timedOut = err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError");
    const origin = new URL(cfg.baseUrl).origin;
    const redirected = opts.stream && err instanceof Error && /redirect/i.test(String((err.cause as Error | undefined)?.message ?? ""));
    throw timedOut
      ? new ApiError(504, "upstream_timeout", `The upstream at ${origin} did not answer within ${cfg.timeoutMs} ms.`, {
          requestId: opts.requestId,
        })
      : redirected
        ? new ApiError(
            502,
            "upstream_error",
            `The upstream at ${origin} answered the upload with a redirect, which the proxy does not follow: check UPSTREAM_BASE_URL.`,
            { requestId: opts.requestId },
          )
        : new ApiError(502, "upstream_error", `The upstream at ${origin} could not be reached.`, { requestId: opts.requestId });
  }
  let text: string;
  try {
    // The timeout's signal covers the body too: a slow or endless body ends as a 504, not a hang.
    text = await res.text();
  } catch {
    throw new ApiError(504, "upstream_timeout", `The upstream's answer did not arrive within ${cfg.timeoutMs} ms.`, {
      requestId: opts.requestId,
    });
  }
  const latencyMs = Math.round(performance.now() - started);
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    throw new ApiError(
      502,
      "upstream_error",
      `The upstream answered HTTP ${res.status} with a body that is not JSON (${res.headers.get("content-type") ?? "no content type"}).`,
      { requestId: opts.requestId },
    );
  }
  return { status: res.status, body: parsed, method, url, latencyMs, headers: res.headers };
}

export { newRequestId };
