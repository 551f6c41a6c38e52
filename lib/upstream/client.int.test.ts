import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ApiError } from "@/lib/errors";
import { heldArrayBuffers } from "@/lib/testing/memory";
import { callUpstream } from "./client";

/**
 * The upstream client's streamed bodies: an upload is passed on chunk by chunk, and nothing keeps the
 * chunks already sent. Memory is measured after a forced garbage collection, so garbage that V8 has not
 * collected yet does not count: only what is still referenced.
 */
const MiB = 1024 * 1024;

let server: http.Server;
let origin: string;
/** What the test server does with the next request. */
let handler: (req: http.IncomingMessage, res: http.ServerResponse) => void = () => {};
const saved = { ...process.env };

beforeAll(async () => {
  server = http.createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env.UPSTREAM_BASE_URL = origin;
  process.env.UPSTREAM_API_KEY = "sk-client-test";
  process.env.UPSTREAM_TIMEOUT_MS = "30000";
});

afterEach(() => {
  handler = () => {};
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  process.env = saved;
});

/** A body of `total` bytes in fresh 64 KiB chunks, made only when the reader asks for them. */
function lazyBody(total: number): ReadableStream<Uint8Array> {
  let made = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (made >= total) return controller.close();
      controller.enqueue(new Uint8Array(64 * 1024).fill(made / MiB));
      made += 64 * 1024;
    },
  });
}

describe("callUpstream with a streamed body", () => {
  it("keeps no chunk it has sent: 32 MB into a 48 MB upload, less than 8 MB is held", async () => {
    const baseline = heldArrayBuffers();
    let held: number | null = null;
    let paused = false;
    let received = 0;
    handler = (req, res) => {
      req.on("data", (chunk: Buffer) => {
        received += chunk.length;
        if (!paused && received >= 32 * MiB) {
          // Hold the upload halfway: what the client process references now is what it keeps.
          paused = true;
          req.pause();
          setTimeout(() => {
            held = heldArrayBuffers() - baseline;
            req.resume();
          }, 50);
        }
      });
      req.on("end", () => res.end(JSON.stringify({ received })));
    };
    const answer = await callUpstream("POST", "/v1/uploads", {
      stream: { body: lazyBody(48 * MiB), contentType: "application/octet-stream" },
      requestId: "req_client_test",
    });
    expect(answer.body).toEqual({ received: 48 * MiB });
    expect(held, "measured halfway").not.toBeNull();
    expect(held).toBeGreaterThanOrEqual(-MiB);
    // Through fetch's redirect clone (a tee) this was the 32 MB sent so far.
    expect(held).toBeLessThan(8 * MiB);
  });

  it("answers a redirect with a 502 that says so (a stream cannot be replayed to another URL)", async () => {
    handler = (req, res) => {
      req.resume();
      res.writeHead(307, { location: `${origin}/elsewhere` }).end();
    };
    const err = await callUpstream("POST", "/v1/uploads", {
      stream: { body: lazyBody(MiB), contentType: "application/octet-stream" },
      requestId: "req_client_test",
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 502, type: "upstream_error", message: expect.stringContaining("redirect") });
  });
});
