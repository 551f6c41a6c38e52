import "server-only";
import { Readable } from "node:stream";
import type { ReadableStream as NodeWebStream } from "node:stream/web";
import busboy from "busboy";
import { ApiError } from "@/lib/errors";

/** A file arriving in a multipart body: its name and its bytes as a stream (never held whole). */
export type IncomingFile = { filename: string; chunks: AsyncIterator<Buffer>; drain: () => void };

const NOT_MULTIPART = "The body must be multipart/form-data with one field `file`.";

/**
 * Parses the multipart body of `req` as it streams in (busboy, a well-kept streaming parser) and
 * resolves with the first file of `field` as soon as its headers arrive, or null when the body has none.
 * Backpressure reaches the client: bytes are read only as fast as the caller consumes `chunks`.
 */
export function firstFile(req: Request, field: string, requestId: string): Promise<IncomingFile | null> {
  const contentType = req.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data/i.test(contentType) || !req.body) {
    return Promise.reject(new ApiError(400, "invalid_request_error", NOT_MULTIPART, { param: "file", requestId }));
  }
  let parser: busboy.Busboy;
  try {
    parser = busboy({ headers: { "content-type": contentType }, limits: { files: 1, fields: 20, fieldSize: 64 * 1024 } });
  } catch {
    return Promise.reject(new ApiError(400, "invalid_request_error", NOT_MULTIPART, { param: "file", requestId }));
  }
  const source = Readable.fromWeb(req.body as NodeWebStream<Uint8Array>);
  return new Promise((resolve, reject) => {
    let found = false;
    parser.on("file", (name, stream, info) => {
      // A body cut mid-file errors the file's stream; the iterator of `chunks` reports it to the caller,
      // and a stream nobody reads (another field, or a drained one) must not crash the process.
      stream.on("error", () => {});
      if (name !== field || found) {
        stream.resume();
        return;
      }
      found = true;
      resolve({
        filename: info.filename ?? "upload",
        chunks: stream[Symbol.asyncIterator](),
        // Reads the rest of the body and throws it away (after an early answer), so the connection ends cleanly.
        drain: () => {
          stream.resume();
          source.resume();
        },
      });
    });
    parser.on("error", (err) => {
      if (!found) reject(new ApiError(400, "invalid_request_error", NOT_MULTIPART, { param: "file", requestId }));
      else source.unpipe(parser);
      void err;
    });
    parser.on("close", () => {
      if (!found) resolve(null);
    });
    source.on("error", (err) => parser.destroy(err));
    source.pipe(parser);
  });
}

/** Reads from `chunks` until at least `n` bytes (or the end) are in hand: the bytes a type is sniffed from. */
export async function readHead(chunks: AsyncIterator<Buffer>, n: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  let length = 0;
  while (length < n) {
    const next = await chunks.next();
    if (next.done) break;
    parts.push(next.value);
    length += next.value.length;
  }
  return Buffer.concat(parts);
}
