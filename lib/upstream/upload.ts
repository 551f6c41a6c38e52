import "server-only";
import { randomBytes } from "node:crypto";
import { ApiError } from "@/lib/errors";
import { kindOfMime, limitsOf, sniffMime } from "@/lib/media";
import { firstFile, readHead } from "@/lib/multipart";
import { CONTRACT_MESSAGES } from "@/lib/spec/contract";
import { callUpstream, type UpstreamAnswer } from "./client";
import type { Dialect } from "./dialects";

/**
 * Streams one uploaded file from the browser to the upstream: the type is sniffed from the first bytes,
 * the size counted as bytes pass, and the multipart body for the upstream is built as a stream, so memory
 * stays flat whatever the file's size. Too big: the upstream call is aborted and the answer is a 413.
 */
export async function streamUpload(
  req: Request,
  dialect: Dialect,
  opts: {
    requestId: string;
    headers: Record<string, string>;
    /** The size the upload's ticket declared: the file may not be larger (413 as soon as it is). */
    declaredBytes?: number;
    beforeForward?: () => Promise<void>;
  },
): Promise<UpstreamAnswer> {
  const { requestId } = opts;
  const incoming = await firstFile(req, "file", requestId);
  if (!incoming)
    throw new ApiError(400, "invalid_request_error", "Send one file in the multipart field `file`.", { param: "file", requestId });
  const file = { ...incoming, chunks: asClientErrors(incoming.chunks, requestId) };
  const head = await readHead(file.chunks, 16);
  const refuse = (status: number, message: string) => {
    file.drain();
    return new ApiError(status, "invalid_request_error", message, { param: "file", requestId });
  };
  if (head.length === 0) throw refuse(400, `file is empty. ${CONTRACT_MESSAGES.imageFile} ${CONTRACT_MESSAGES.videoFile}`);
  const mime = sniffMime(head);
  const kind = mime ? kindOfMime(mime) : null;
  if (!mime || !kind) throw refuse(400, `file is not a supported type: ${CONTRACT_MESSAGES.imageFile} ${CONTRACT_MESSAGES.videoFile}`);
  const refusal = dialect.uploadRefusal(kind);
  if (refusal) throw refuse(400, refusal);
  const limits = limitsOf(kind);
  const declared = opts.declaredBytes ?? Infinity;
  const maxBytes = Math.min(limits.maxBytes, declared);
  const tooBig = (size: string) =>
    new ApiError(
      413,
      "invalid_request_error",
      declared < limits.maxBytes
        ? `file is ${size} bytes, larger than the ${declared} bytes its upload ticket declared.`
        : `file is ${size} bytes. ${kind === "image" ? CONTRACT_MESSAGES.imageFile : CONTRACT_MESSAGES.videoFile}`,
      { param: "file", requestId },
    );
  if (head.length > maxBytes) {
    file.drain();
    throw tooBig(String(head.length));
  }

  try {
    await opts.beforeForward?.();
  } catch (err) {
    file.drain();
    throw err;
  }

  const boundary = `----nb2${randomBytes(12).toString("hex")}`;
  const safeName = file.filename.replace(/[^\w.\- ]/g, "_") || "upload";
  const abort = new AbortController();
  async function* body(): AsyncGenerator<Buffer> {
    yield Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${safeName}"\r\nContent-Type: ${mime}\r\n\r\n`,
    );
    yield head;
    let size = head.length;
    for (;;) {
      let next: IteratorResult<Buffer>;
      try {
        next = await file.chunks.next();
        if (!next.done) size += next.value.length;
        if (size > maxBytes) {
          file.drain();
          throw tooBig(`more than ${maxBytes}`);
        }
      } catch (err) {
        // Too big, or the client's body broke off: the upstream call ends with this error, not a 502.
        abort.abort(err);
        throw err;
      }
      if (next.done) break;
      yield next.value;
    }
    yield Buffer.from(`\r\n--${boundary}--\r\n`);
  }
  // Pulled by fetch one chunk at a time (no read-ahead): the client's bytes arrive as fast as the
  // upstream takes them.
  const chunks = body();
  const stream = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      },
      async cancel() {
        await chunks.return(undefined);
      },
    },
    { highWaterMark: 0 },
  );
  try {
    return await callUpstream("POST", dialect.uploadPath, {
      stream: { body: stream, contentType: `multipart/form-data; boundary=${boundary}` },
      signal: abort.signal,
      requestId,
      headers: opts.headers,
    });
  } finally {
    // The upstream may answer before it has read everything (a refusal): discard the rest of the body.
    file.drain();
  }
}

/** A multipart body that breaks off mid-file is the client's error (400), not the server's. */
async function* asClientErrors(chunks: AsyncIterator<Buffer>, requestId: string): AsyncGenerator<Buffer, void, undefined> {
  for (;;) {
    let next: IteratorResult<Buffer>;
    try {
      next = await chunks.next();
    } catch (err) {
      if (err instanceof ApiError) throw err;
      throw new ApiError(
        400,
        "invalid_request_error",
        "The multipart body ended before the file did: send one complete file in the field `file`.",
        { param: "file", requestId },
      );
    }
    if (next.done) return;
    yield next.value;
  }
}
