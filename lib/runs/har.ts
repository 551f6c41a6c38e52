/**
 * One saved run as an HTTP Archive (HAR 1.2), for a support ticket or a browser's network viewer: one
 * page (the run) and one entry per exchange between the browser and the playground's proxy, in order,
 * with its timing, headers and JSON bodies. Pure, so the recordings reuse it.
 *
 * No secret can be in it: the browser never has the upstream key (the proxy adds it), and the
 * `Authorization` header the exchanges show is a placeholder (`Bearer $UPSTREAM_API_KEY`); the HAR drops it with every
 * other credential-bearing header (cookies included) rather than carry even the placeholder, and says
 * in the entry's comment that the proxy adds the key upstream.
 */
import type { Entry, Har, Header, QueryString } from "har-format";
import type { Exchange } from "@/lib/client/api";
import { englishRetry } from "@/lib/spec/contract";
import type { SavedRun } from "./saved-run";

export const HAR_CREATOR = { name: "video-playground", version: "1" } as const;

/** Headers that carry credentials: never written into a HAR. */
const CREDENTIAL_HEADERS = new Set(["authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key", "api-key"]);

const KEY_NOTE = "The proxy adds the upstream's Authorization header on the server; the key never reaches the browser or this file.";

function harHeaders(headers: Record<string, string> | undefined): Header[] {
  return Object.entries(headers ?? {})
    .filter(([name]) => !CREDENTIAL_HEADERS.has(name.toLowerCase()))
    .map(([name, value]) => ({ name, value }));
}

function queryOf(url: URL): QueryString[] {
  return [...url.searchParams].map(([name, value]) => ({ name, value }));
}

function bodyText(body: unknown): string {
  return typeof body === "string" ? body : JSON.stringify(body);
}

const byteLength = (text: string) => new TextEncoder().encode(text).length;

function entry(exchange: Exchange, origin: string, pageref: string): Entry {
  const url = new URL(exchange.path, origin);
  const requestHeaders = harHeaders(exchange.requestHeaders);
  const contentType = Object.entries(exchange.requestHeaders).find(([n]) => n.toLowerCase() === "content-type")?.[1];
  const hasBody = exchange.requestBody !== undefined;
  const requestText = hasBody ? bodyText(exchange.requestBody) : "";
  const answered = exchange.status !== null;
  const responseText = answered && exchange.responseBody !== null ? bodyText(exchange.responseBody) : "";
  const comment = [
    exchange.label,
    exchange.upstream
      ? `upstream: ${exchange.upstream.request}${exchange.upstream.latencyMs !== null ? ` (${exchange.upstream.latencyMs} ms)` : ""}`
      : null,
    answered ? null : `no answer: ${bodyText(exchange.responseBody)}`,
    exchange.requestHeaders.authorization !== undefined ? KEY_NOTE : null,
  ]
    .filter(Boolean)
    .join("\n");
  return {
    pageref,
    startedDateTime: new Date(exchange.startedAt).toISOString(),
    time: exchange.latencyMs,
    request: {
      method: exchange.method,
      url: url.href,
      httpVersion: "HTTP/1.1",
      cookies: [],
      headers: requestHeaders,
      queryString: queryOf(url),
      ...(hasBody
        ? {
            postData: {
              // An upload is multipart; the exchange keeps a description of its parts, not the file.
              mimeType: contentType ?? "multipart/form-data",
              text: requestText,
              ...(contentType ? {} : { comment: "A description of the multipart form (the file itself is not kept)." }),
            },
          }
        : {}),
      headersSize: -1,
      bodySize: hasBody ? byteLength(requestText) : 0,
    },
    response: {
      // HAR's convention for a request that got no answer (a network error).
      status: exchange.status ?? 0,
      statusText: "",
      httpVersion: answered ? "HTTP/1.1" : "",
      cookies: [],
      headers: [
        ...(answered && responseText ? [{ name: "content-type", value: "application/json" }] : []),
        ...(exchange.requestId ? [{ name: "x-request-id", value: exchange.requestId }] : []),
        ...harHeaders(exchange.responseHeaders),
      ],
      content: { size: byteLength(responseText), mimeType: responseText ? "application/json" : "x-unknown", text: responseText },
      redirectURL: "",
      headersSize: -1,
      bodySize: answered ? byteLength(responseText) : -1,
    },
    cache: {},
    // Only the whole round trip is measured in the browser (fetch start to body read): it is all `wait`.
    timings: { blocked: -1, dns: -1, connect: -1, send: 0, wait: exchange.latencyMs, receive: 0, ssl: -1 },
    ...(comment ? { comment } : {}),
    ...(exchange.upstreamCheck ? { _upstreamCheck: exchange.upstreamCheck } : {}),
  } as Entry;
}

function statusOf(run: SavedRun): string {
  if (run.task) return run.task.status;
  if (run.error) return `error ${run.error.status} ${run.error.type}`;
  if (run.stopped) return `stopped (${run.stopped})`;
  return "unfinished";
}

/**
 * The run as HAR 1.2. `origin` is the playground's origin the exchanges went to (their paths are
 * relative); the result has no credential anywhere.
 */
export function harFromSavedRun(run: SavedRun, { origin }: { origin: string }): Har {
  const pageref = run.id;
  const waits = run.waits.map((w) => `waited ${w.delayMs} ms at ${new Date(w.startedAt).toISOString()}: ${w.reason}`);
  return {
    log: {
      version: "1.2",
      creator: { ...HAR_CREATOR },
      pages: [
        {
          startedDateTime: new Date(run.startedAt).toISOString(),
          id: pageref,
          title: [run.model, run.mode, run.taskId].filter(Boolean).join(" · "),
          pageTimings: { onContentLoad: -1, onLoad: -1 },
          comment: [`status: ${statusOf(run)}`, ...run.notes.map(englishRetry), ...waits].join("\n"),
        },
      ],
      entries: run.exchanges.map((e) => entry(e, origin, pageref)),
      comment: `One run of the ${run.model} playground, saved ${run.ranAt}. ${KEY_NOTE}`,
    },
  };
}

/** A file name for the run's HAR: model, task (or run) id. */
export function harFileName(run: SavedRun): string {
  const id = (run.taskId ?? run.id).replace(/[^\w.-]+/g, "_");
  return `${run.model}-${id}.har`;
}
