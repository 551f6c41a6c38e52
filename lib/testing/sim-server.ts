/**
 * Serves the real embedded simulator over HTTP on a loopback port, outside Next, so unit tests can call
 * the proxy's route handlers against it exactly as the app does. It also serves the proxy's own routes
 * (`/api/tasks…`), so a client running in Node (the bench) talks to proxy and simulator as a browser
 * would. Counts the requests it receives.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { bareErrorResponse, readJson } from "@/lib/errors";
import { gatewayCreate, gatewayGet, gatewayUpload } from "@/lib/simulator/gateway";
import { simCreate, simFile, simGet, simGetRequest, simUpload } from "@/lib/simulator/http";
import { createTask, createUploadTicket, getTask, uploadMedia } from "@/lib/upstream/service";

export type SimServer = {
  baseUrl: string;
  origin: string;
  /** Every request received, in order (`idempotencyKey` when one was sent, so creates can be attributed to a run). */
  requests: { method: string; path: string; idempotencyKey?: string }[];
  close: () => Promise<void>;
};

/** Method(s), exact path or pattern with one captured segment (passed on as it is in the URL), handler. */
type Route = [methods: string[], path: string | RegExp, handle: (req: Request, segment: string) => Promise<Response> | Response];

const ROUTES: Route[] = [
  [["POST"], "/api/tasks", async (req) => createTask(await readJson(req), req.headers)],
  [["GET"], /^\/api\/tasks\/([^/]+)$/, (req, id) => getTask(decodeURIComponent(id), req.headers)],
  [["POST"], "/api/upload-tickets", async (req) => createUploadTicket(await readJson(req), req.headers)],
  [["POST"], "/api/uploads", (req) => uploadMedia(req)],
  [["POST"], "/api/simulator/v1/tasks", (req) => simCreate(req)],
  [["POST"], "/api/simulator/gateway/v1/videos/generations", (req) => gatewayCreate(req)],
  [["GET"], /^\/api\/simulator\/gateway\/v1\/videos\/generations\/([^/]+)$/, (req, id) => gatewayGet(req, decodeURIComponent(id))],
  [["POST"], "/api/simulator/gateway/v1/uploads/images", (req) => gatewayUpload(req)],
  [["POST"], "/api/simulator/v1/uploads", (req) => simUpload(req)],
  [["GET"], /^\/api\/simulator\/v1\/tasks\/([^/]+)$/, (req, id) => simGet(req, decodeURIComponent(id))],
  [["GET"], /^\/api\/simulator\/v1\/tasks\/([^/]+)\/request$/, (req, id) => simGetRequest(req, decodeURIComponent(id))],
  [["GET", "HEAD"], /^\/api\/simulator\/files\/([^/]+)$/, (req, file) => simFile(req, file)],
];

async function route(req: Request): Promise<Response> {
  const { pathname } = new URL(req.url);
  for (const [methods, path, handle] of ROUTES) {
    if (!methods.includes(req.method)) continue;
    if (path === pathname) return handle(req, "");
    const m = typeof path === "string" ? null : path.exec(pathname);
    if (m) return handle(req, m[1]);
  }
  return new Response("not found", { status: 404 });
}

export async function startSimServer(): Promise<SimServer> {
  const requests: SimServer["requests"] = [];
  const server = http.createServer(async (nodeReq, nodeRes) => {
    const url = `http://${nodeReq.headers.host}${nodeReq.url}`;
    const key = nodeReq.headers["idempotency-key"];
    requests.push({
      method: nodeReq.method ?? "GET",
      path: nodeReq.url ?? "",
      ...(typeof key === "string" ? { idempotencyKey: key } : {}),
    });
    const hasBody = nodeReq.method !== "GET" && nodeReq.method !== "HEAD";
    const req = new Request(url, {
      method: nodeReq.method,
      headers: nodeReq.headers as Record<string, string>,
      body: hasBody ? (Readable.toWeb(nodeReq) as ReadableStream) : undefined,
      // @ts-expect-error Node's fetch needs duplex for streamed bodies
      duplex: "half",
    });
    const res = await route(req).catch(bareErrorResponse);
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
