/**
 * A small upstream that speaks the guide's task contract on a loopback port and records every request
 * it receives (method, path, headers, parsed body), so fuzz and load tests can check what the proxy
 * forwarded without rendering a video for each of thousands of requests.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export type Recorded = {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  json?: unknown;
  /** For uploads: every part of the multipart body. */
  parts?: { name: string; type: string; size: number; head: Uint8Array }[];
  bodyError?: string;
};

export type RecordingUpstream = { baseUrl: string; requests: Recorded[]; close: () => Promise<void> };

function task(id: string, mode = "text-to-video") {
  const now = new Date().toISOString();
  return { task_id: id, model: "nano-banana-2", mode, status: "queued", created_at: now };
}

export async function startRecordingUpstream(): Promise<RecordingUpstream> {
  const requests: Recorded[] = [];
  let n = 0;
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const rec: Recorded = { method: req.method ?? "", path: req.url ?? "", headers: req.headers };
    requests.push(rec);
    const send = (status: number, json: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(json));
    };
    if (req.method === "POST" && req.url === "/v1/tasks") {
      try {
        rec.json = JSON.parse(body.toString("utf8"));
      } catch (err) {
        rec.bodyError = String(err);
      }
      const mode = (rec.json as { mode?: string } | undefined)?.mode;
      return send(200, task(`task_${(++n).toString(16).padStart(8, "0")}`, mode));
    }
    if (req.method === "GET" && req.url?.startsWith("/v1/tasks/")) {
      return send(200, { ...task(decodeURIComponent(req.url.slice("/v1/tasks/".length))), status: "running", progress: 50 });
    }
    if (req.method === "POST" && req.url === "/v1/uploads") {
      try {
        const form = await new Response(body, { headers: { "content-type": req.headers["content-type"] ?? "" } }).formData();
        rec.parts = [];
        for (const [name, value] of form.entries()) {
          if (typeof value === "string") rec.parts.push({ name, type: "string", size: value.length, head: new Uint8Array() });
          else rec.parts.push({ name, type: value.type, size: value.size, head: new Uint8Array(await value.slice(0, 16).arrayBuffer()) });
        }
      } catch (err) {
        rec.bodyError = String(err);
      }
      return send(200, { id: `upl_${++n}`, url: `https://media.example.com/upl_${n}`, mime_type: "image/png", size: body.byteLength });
    }
    send(404, { error: { type: "not_found_error", message: "no such path" } });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
