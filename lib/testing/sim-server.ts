/**
 * Serves the real embedded simulator over HTTP on a loopback port, outside Next, so unit tests can call
 * the proxy's route handlers against it exactly as the app does. It also serves the proxy's own routes
 * (`/api/tasks…`), so a client running in Node (the bench) talks to proxy and simulator as a browser
 * would. Counts the requests it receives.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { errorResponse, readJson } from "@/lib/errors";
import { createTask, createUploadTicket, getTask, uploadMedia } from "@/lib/upstream/service";
import { gatewayCreate, gatewayGet, gatewayUpload } from "@/lib/simulator/gateway";
import { simCreate, simFile, simGet, simGetRequest, simUpload } from "@/lib/simulator/http";

export type SimServer = {
  baseUrl: string;
  origin: string;
  /** Every request received, in order (`idempotencyKey` when one was sent, so creates can be attributed to a run). */
  requests: { method: string; path: string; idempotencyKey?: string }[];
  close: () => Promise<void>;
};

async function route(req: Request): Promise<Response> {
  const { pathname } = new URL(req.url);
  let m: RegExpExecArray | null;
  if (req.method === "POST" && pathname === "/api/tasks") return createTask(await readJson(req), req.headers);
  if (req.method === "GET" && (m = /^\/api\/tasks\/([^/]+)$/.exec(pathname))) return getTask(decodeURIComponent(m[1]), req.headers);
  if (req.method === "POST" && pathname === "/api/upload-tickets") return createUploadTicket(await readJson(req), req.headers);
  if (req.method === "POST" && pathname === "/api/uploads") return uploadMedia(req);
  if (req.method === "POST" && pathname === "/api/simulator/v1/tasks") return simCreate(req);
  if (req.method === "POST" && pathname === "/api/simulator/gateway/v1/videos/generations") return gatewayCreate(req);
  if (req.method === "GET" && (m = /^\/api\/simulator\/gateway\/v1\/videos\/generations\/([^/]+)$/.exec(pathname))) return gatewayGet(req, decodeURIComponent(m[1]));
  if (req.method === "POST" && pathname === "/api/simulator/gateway/v1/uploads/images") return gatewayUpload(req);
  if (req.method === "POST" && pathname === "/api/simulator/v1/uploads") return simUpload(req);
  if (req.method === "GET" && (m = /^\/api\/simulator\/v1\/tasks\/([^/]+)$/.exec(pathname))) return simGet(req, decodeURIComponent(m[1]));
  if (req.method === "GET" && (m = /^\/api\/simulator\/v1\/tasks\/([^/]+)\/request$/.exec(pathname))) return simGetRequest(req, decodeURIComponent(m[1]));
  if ((req.method === "GET" || req.method === "HEAD") && (m = /^\/api\/simulator\/files\/([^/]+)$/.exec(pathname))) return simFile(req, m[1]);
  return new Response("not found", { status: 404 });
}

export async function startSimServer(): Promise<SimServer> {
  const requests: SimServer["requests"] = [];
  const server = http.createServer(async (nodeReq, nodeRes) => {
    const url = `http://${nodeReq.headers.host}${nodeReq.url}`;
    const key = nodeReq.headers["idempotency-key"];
    requests.push({ method: nodeReq.method ?? "GET", path: nodeReq.url ?? "", ...(typeof key === "string" ? { idempotencyKey: key } : {}) });
    const hasBody = nodeReq.method !== "GET" && nodeReq.method !== "HEAD";
    const req = new Request(url, {
      method: nodeReq.method,
      headers: nodeReq.headers as Record<string, string>,
      body: hasBody ? (Readable.toWeb(nodeReq) as ReadableStream) : undefined,
      // @ts-expect-error Node's fetch needs duplex for streamed bodies
      duplex: "half",
    });
    const res = await route(req).catch(errorResponse);
    nodeRes.writeHead(res.status, Object.fromEntries(res.headers));
    if (res.body) Readable.fromWeb(res.body as import("node:stream/web").ReadableStream).pipe(nodeRes);
    else nodeRes.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    baseUrl: `${origin}/api/simulator`,
    origin,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
