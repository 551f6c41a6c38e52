import { type APIRequestContext, expect, test } from "@playwright/test";

/**
 * Uploads on the real server (`next start`): a ticket from /api/upload-tickets, then the file to
 * /api/uploads. proxy.ts does not run for the upload route, and next.config.ts no longer raises the
 * proxy's body limit, so were the upload to pass through the proxy again, Next would buffer it and cut
 * it at 10 MB: a 24 MB video arriving whole shows that it does not.
 */
const API_CSP = "default-src 'none'; frame-ancestors 'none'";

function video(size: number): Buffer {
  const bytes = Buffer.alloc(size, 7);
  bytes.set([0, 0, 0, 0x18, ...Buffer.from("ftypisom"), 0, 0, 2, 0, ...Buffer.from("isommp41")]);
  return bytes;
}

async function ticketFor(request: APIRequestContext, size: number): Promise<string> {
  const res = await request.post("/api/upload-tickets", { data: { size } });
  expect(res.status()).toBe(200);
  expect(res.headers()["content-security-policy"]).toBe(API_CSP);
  const json = await res.json();
  expect(json).toEqual({ ticket: expect.stringMatching(/^t1\./), expires_at: expect.any(String), max_bytes: size });
  return json.ticket;
}

test("a 24 MB video passes the upload route whole (over Next's 10 MB proxy limit: the proxy is not in its way)", async ({ request }) => {
  const size = 24 * 1024 * 1024;
  const ticket = await ticketFor(request, size);
  const res = await request.post("/api/uploads", {
    multipart: { file: { name: "big.mp4", mimeType: "video/mp4", buffer: video(size) } },
    headers: { "x-upload-ticket": ticket },
  });
  expect(res.status(), await res.text()).toBe(200);
  expect(await res.json()).toMatchObject({ mime_type: "video/mp4", size });
  expect(res.headers()["content-security-policy"]).toBe(API_CSP);
  expect(res.headers()["x-content-type-options"]).toBe("nosniff");
  // The stored file is served whole.
  const stored = await request.get((await res.json()).url, { headers: { range: "bytes=0-0" } });
  expect(stored.headers()["content-range"]).toBe(`bytes 0-0/${size}`);
});

test("the upload route refuses a call without a ticket, a forged one and a used one, before reading the file", async ({ request }) => {
  const file = { file: { name: "small.mp4", mimeType: "video/mp4", buffer: video(64 * 1024) } };
  const none = await request.post("/api/uploads", { multipart: file });
  expect(none.status()).toBe(400);
  expect(none.headers()["content-security-policy"]).toBe(API_CSP);
  expect((await none.json()).error).toMatchObject({ param: "X-Upload-Ticket", message: expect.stringContaining("/api/upload-tickets") });

  const ticket = await ticketFor(request, 64 * 1024);
  const [v, payload, mac] = ticket.split(".");
  const fields = JSON.parse(Buffer.from(payload, "base64url").toString());
  fields[2] = 100 * 1024 * 1024;
  const forged = `${v}.${Buffer.from(JSON.stringify(fields)).toString("base64url")}.${mac}`;
  const refused = await request.post("/api/uploads", { multipart: file, headers: { "x-upload-ticket": forged } });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error).toMatchObject({ type: "permission_error", message: expect.stringContaining("signature") });

  expect((await request.post("/api/uploads", { multipart: file, headers: { "x-upload-ticket": ticket } })).status()).toBe(200);
  const again = await request.post("/api/uploads", { multipart: file, headers: { "x-upload-ticket": ticket } });
  expect(again.status()).toBe(403);
  expect((await again.json()).error.message).toContain("already used");
});
