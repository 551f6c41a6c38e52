/**
 * One error envelope on both sides of the proxy: `{ error: { type, message, param?, request_id } }`.
 * The server throws ApiError and answers with `toResponse()`; the browser rebuilds it from the JSON.
 * The proxy's envelopes also carry `doc_url` and `hint` (lib/error-docs.ts), added here so every
 * envelope built from an ApiError has them; the simulator, which stands in for an upstream speaking the
 * bare contract, asks for the envelope without them (`{ docs: false }`, `bareErrorResponse`).
 */
import { errorDocs } from "@/lib/error-docs";
import type { ErrorType } from "@/lib/spec/contract";
import type { FieldIssue } from "@/lib/spec/schema";

export type ErrorBody = {
  type: ErrorType | string;
  message: string;
  param?: string;
  request_id: string;
  /** Every field at fault when validation found more than one. */
  issues?: FieldIssue[];
  /** Where the guide explains this error (lib/error-docs.ts). */
  doc_url?: string;
  /** What to do about it, when the guide's error table or FAQ knows. */
  hint?: string;
};

/** Whether an envelope gets `doc_url` and `hint`: yes for the proxy's, no for the simulator's. */
type EnvelopeOptions = { docs?: boolean };

/** Adds `doc_url` and `hint` to an envelope's error; `model` (a model id, if the request named one) picks the guide. */
export function withDocs(error: ErrorBody, status: number, model?: unknown): ErrorBody {
  return { ...error, ...errorDocs({ status, type: String(error.type), message: error.message }, model) };
}

export function newRequestId(): string {
  return `req_${crypto.randomUUID().replace(/-/g, "").slice(0, 20)}`;
}

export class ApiError extends Error {
  readonly status: number;
  readonly type: ErrorType | string;
  readonly param?: string;
  readonly requestId: string;
  readonly issues?: FieldIssue[];
  readonly headers: Record<string, string>;
  /** The model the request was about, when known: its guide is the envelope's doc_url. */
  readonly model?: string;

  constructor(
    status: number,
    type: ErrorType | string,
    message: string,
    opts: { param?: string; requestId?: string; issues?: FieldIssue[]; headers?: Record<string, string>; model?: string } = {},
  ) {
    super(message);
    this.status = status;
    this.type = type;
    this.param = opts.param;
    this.requestId = opts.requestId ?? newRequestId();
    this.issues = opts.issues;
    this.headers = opts.headers ?? {};
    this.model = opts.model;
  }

  /** A 400 for the first of several field issues, carrying all of them. */
  static invalid(issues: FieldIssue[], requestId?: string, model?: string): ApiError {
    const [first] = issues;
    return new ApiError(400, "invalid_request_error", first.message, { param: first.param, issues, requestId, model });
  }

  toBody({ docs = true }: EnvelopeOptions = {}): { error: ErrorBody } {
    const error: ErrorBody = { type: this.type, message: this.message, request_id: this.requestId };
    if (this.param) error.param = this.param;
    if (this.issues && this.issues.length > 1) error.issues = this.issues;
    return { error: docs ? withDocs(error, this.status, this.model) : error };
  }

  toResponse(opts: EnvelopeOptions = {}): Response {
    return Response.json(this.toBody(opts), {
      status: this.status,
      headers: { "x-request-id": this.requestId, "cache-control": "no-store", ...this.headers },
    });
  }
}

/** Turns anything thrown in a route handler into the envelope; unknown errors become a 500 without details. */
export function errorResponse(err: unknown, opts: EnvelopeOptions = {}): Response {
  if (err instanceof ApiError) return err.toResponse(opts);
  const requestId = newRequestId();
  console.error(`[${requestId}] unexpected error:`, err instanceof Error ? err.message : "unknown");
  return new ApiError(500, "internal_error", "Something went wrong in the playground's server.", { requestId }).toResponse(opts);
}

/** The contract's bare envelope, as an upstream answers it: for the simulator's routes. */
export function bareErrorResponse(err: unknown): Response {
  return errorResponse(err, { docs: false });
}

/**
 * Reads a body, refusing with a 413 as soon as it is larger than `maxBytes` (by its Content-Length, or
 * while streaming when it has none): an oversized body is never held in memory.
 */
export async function readCapped(req: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const tooLarge = () => new ApiError(413, "invalid_request_error", `The body is larger than ${maxBytes} bytes.`, { param: "body" });
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge();
  const out = new Uint8Array(new ArrayBuffer(Math.min(maxBytes, Number.isFinite(declared) && declared > 0 ? declared : 64 * 1024)));
  let buf = out;
  let size = 0;
  if (!req.body) return buf.subarray(0, 0);
  const reader = req.body.getReader();
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch {
      throw new ApiError(400, "invalid_request_error", "The body could not be read.", { param: "body" });
    }
    if (chunk.done) break;
    if (size + chunk.value.byteLength > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    if (size + chunk.value.byteLength > buf.byteLength) {
      const grown = new Uint8Array(new ArrayBuffer(Math.min(maxBytes, Math.max(buf.byteLength * 2, size + chunk.value.byteLength))));
      grown.set(buf.subarray(0, size));
      buf = grown;
    }
    buf.set(chunk.value, size);
    size += chunk.value.byteLength;
  }
  return buf.subarray(0, size);
}

/** Reads a JSON body with a size cap; a body that is not JSON is a 400 that says so. */
export async function readJson(req: Request, maxBytes = 64 * 1024): Promise<unknown> {
  const text = new TextDecoder().decode(await readCapped(req, maxBytes));
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(400, "invalid_request_error", "The body is not valid JSON.", { param: "body" });
  }
}
