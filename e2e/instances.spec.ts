import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { type APIRequestContext, expect, test } from "@playwright/test";
import { freePort, type RedisServer, startRedisServer } from "../lib/testing/redis-server";

/**
 * Two instances behind one Redis, as a deployment behind a load balancer runs them: `next start`
 * twice from the one build Playwright made, on two ports, with the same REDIS_URL and the same
 * SIMULATOR_DATA_DIR, and the access gate on. A real `redis-server` is started here (installed with
 * apt-get when missing and root), never assumed running.
 */
const KEY = "sk-instances-SECRET-0f9e8d";
const TOKEN = "instances-gate-token";
const CREATE_LIMIT = 4;
const UPLOAD_LIMIT = 3;
const T2V = {
  model: "nano-banana-2",
  mode: "text-to-video",
  input: { prompt: "Two instances, one Redis", duration: 6, aspect_ratio: "16:9" },
};

type Instance = { url: string; child: ChildProcess; log: string[] };
let redis: RedisServer;
let a: Instance;
let b: Instance;

async function startInstance(port: number, env: Record<string, string>): Promise<Instance> {
  const log: string[] = [];
  const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...process.env, ...env, PORT: String(port), PUBLIC_ORIGIN: `http://127.0.0.1:${port}` },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d) => log.push(String(d)));
  child.stderr?.on("data", (d) => log.push(String(d)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`instance on ${port} exited: ${log.join("")}`);
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { url, child, log };
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill("SIGKILL");
  throw new Error(`instance on ${port} did not become healthy: ${log.join("")}`);
}

async function stopInstance(i?: Instance) {
  if (!i || i.child.exitCode !== null) return;
  const exited = new Promise((r) => i.child.once("exit", r));
  i.child.kill("SIGTERM");
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
  if (i.child.exitCode === null) i.child.kill("SIGKILL");
}

/**
 * Whether a URL is the guide at `/` of instance `i`. Only the origin and the path are compared: a moment
 * after the page hydrates, the playground writes its form's state into the query
 * (components/playground/use-form-link.ts), so whether `?mode=…` is there yet depends only on timing.
 */
const guideOf = (i: Instance) => (url: URL) => url.origin === i.url && url.pathname === "/";

/** Enters the token through instance `via`'s form and returns the cookie it set. */
async function enter(request: APIRequestContext, via: Instance): Promise<string> {
  const res = await request.post(`${via.url}/api/access`, { form: { token: TOKEN, next: "/" }, maxRedirects: 0 });
  expect(res.status()).toBe(303);
  return res.headers()["set-cookie"].split(";")[0];
}

test.describe.configure({ mode: "serial", timeout: 180_000 });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  if (!existsSync(".next/BUILD_ID")) throw new Error("No build in .next: run `npm run build` (Playwright's web server does) first.");
  const dataDir = path.resolve(".data/instances-simulator");
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  redis = await startRedisServer();
  const [portA, portB] = (process.env.INSTANCES_TEST_PORTS ?? "").split(",").filter(Boolean).map(Number);
  const env = {
    REDIS_URL: redis.url,
    SIMULATOR_DATA_DIR: dataDir,
    UPSTREAM_BASE_URL: "",
    UPSTREAM_API_KEY: KEY,
    PLAYGROUND_ACCESS_TOKEN: TOKEN,
    TRUSTED_PROXY_COUNT: "0",
    SIMULATOR_QUEUE_MS: "300",
    SIMULATOR_RUN_MS_PER_SECOND: "150",
    RATE_LIMIT_CREATE_PER_MINUTE: String(CREATE_LIMIT),
    RATE_LIMIT_CREATE_PER_DAY: "100",
    RATE_LIMIT_POLL_PER_MINUTE: "1000",
    RATE_LIMIT_UPLOAD_PER_MINUTE: String(UPLOAD_LIMIT),
  };
  [a, b] = await Promise.all([startInstance(portA || (await freePort()), env), startInstance(portB || (await freePort()), env)]);
});

test.afterAll(async () => {
  await Promise.all([stopInstance(a), stopInstance(b)]);
  await redis?.stop();
  for (const i of [a, b]) if (i) expect(i.log.join("")).not.toContain(KEY);
});

test("the gate: a visitor enters the token once on one instance and is let in by the other", async ({ page }) => {
  await page.goto(`${a.url}/`);
  await expect(page).toHaveURL(/\/access\?next=%2F$/);
  await expect(page.getByRole("heading", { name: "Enter the access token" })).toBeVisible();
  await page.getByLabel("Access token").fill("a wrong guess");
  await page.getByRole("button", { name: "Enter" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /not right/ })).toBeVisible();
  await expect(page.getByLabel("Access token")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Access token").fill(TOKEN);
  await page.getByRole("button", { name: "Enter" }).click();
  await expect(page).toHaveURL(guideOf(a));
  await expect(page.getByRole("button", { name: /run task/i })).toBeVisible();
  const cookie = (await page.context().cookies()).find((c) => c.name === "nb2_access");
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });
  // Cookies are per host, not per port: the other instance sees it and accepts its signature.
  await page.goto(`${b.url}/`);
  await expect(page).toHaveURL(guideOf(b));
  await expect(page.getByRole("button", { name: /run task/i })).toBeVisible();
  // Without the cookie, the proxy refuses calls on both.
  for (const i of [a, b]) {
    const res = await fetch(`${i.url}/api/tasks/task_abc`);
    expect(res.status).toBe(401);
    expect((await res.json()).error.type).toBe("authentication_error");
  }
});

test("a task created through one instance is polled through the other, and its video is served by it", async ({ request }) => {
  const cookie = await enter(request, a);
  const created = await request.post(`${a.url}/api/tasks`, { data: T2V, headers: { cookie } });
  expect(created.status()).toBe(200);
  const { task_id } = await created.json();
  let task: any;
  const seen = new Set<string>();
  await expect
    .poll(
      async () => {
        task = await (await request.get(`${b.url}/api/tasks/${task_id}`, { headers: { cookie } })).json();
        seen.add(task.status);
        return task.status;
      },
      { timeout: 90_000, intervals: [300] },
    )
    .toBe("succeeded");
  // B answered for the task before it ended (a poll answer is shared for a second, so a short running
  // phase may fall between two answers: queued is enough to show it).
  expect([...seen].some((s) => s !== "succeeded")).toBe(true);
  expect(task.output.video_url.startsWith(`${b.url}/api/simulator/files/vid_`)).toBe(true);
  const video = await request.get(task.output.video_url);
  expect(video.status()).toBe(200);
  expect(video.headers()["content-type"]).toBe("video/mp4");
  expect((await video.body()).byteLength).toBeGreaterThan(10_000);
});

test("the limits hold across both instances, whatever X-Forwarded-For a client sends", async ({ request }) => {
  const cookie = await enter(request, b);
  // One creation was spent by the previous test (through A); spend the rest alternating instances.
  const statuses: number[] = [];
  for (let n = 0; n < CREATE_LIMIT + 1; n++) {
    const via = n % 2 === 0 ? b : a;
    const res = await request.post(`${via.url}/api/tasks`, {
      data: { model: "bad" },
      headers: { cookie, "x-forwarded-for": `10.1.2.${n}` },
    });
    statuses.push(res.status());
    if (res.status() === 429) {
      expect(Number(res.headers()["retry-after"])).toBeGreaterThanOrEqual(1);
      expect((await res.json()).error).toMatchObject({
        type: "rate_limit_exceeded",
        message: expect.stringContaining(`${CREATE_LIMIT} task creations per minute`),
      });
    }
  }
  expect(statuses).toEqual([...Array(CREATE_LIMIT - 1).fill(400), 429, 429]);
});

test("upload tickets: issued by one instance, accepted once by the other; counted by the socket's address, whatever X-Forwarded-For says", async ({
  request,
}) => {
  const cookie = await enter(request, a);
  const file = { file: { name: "still.png", mimeType: "image/png", buffer: readFileSync("e2e/fixtures/still.png") } };
  const size = file.file.buffer.byteLength;
  // The ticket route is one proxy.ts runs for: a made-up X-Forwarded-For is dropped and the socket's
  // address counts, so five "different" clients are one, on either instance.
  const tickets: string[] = [];
  const statuses: number[] = [];
  for (let n = 0; n < UPLOAD_LIMIT + 2; n++) {
    const via = n % 2 === 0 ? a : b;
    const res = await request.post(`${via.url}/api/upload-tickets`, {
      data: { size },
      headers: { cookie, "x-forwarded-for": `10.9.8.${n}` },
    });
    statuses.push(res.status());
    if (res.ok()) tickets.push((await res.json()).ticket);
    else
      expect((await res.json()).error).toMatchObject({
        type: "rate_limit_exceeded",
        message: expect.stringContaining(`${UPLOAD_LIMIT} uploads per minute`),
      });
  }
  expect(statuses).toEqual([...Array(UPLOAD_LIMIT).fill(200), 429, 429]);
  // A ticket from A is good on B (same key, same signing key); once used, on neither.
  const onB = await request.post(`${b.url}/api/uploads`, { multipart: file, headers: { cookie, "x-upload-ticket": tickets[0] } });
  expect(onB.status()).toBe(200);
  expect(await onB.json()).toMatchObject({ mime_type: "image/png", size });
  const againOnA = await request.post(`${a.url}/api/uploads`, { multipart: file, headers: { cookie, "x-upload-ticket": tickets[0] } });
  expect(againOnA.status()).toBe(403);
  expect((await againOnA.json()).error.message).toContain("already used");
  // The gate applies to the upload route too, ticket or not.
  // (Plain fetch: Playwright's request context keeps the cookie it was given by /api/access.)
  const form = new FormData();
  form.set("file", new Blob([file.file.buffer], { type: "image/png" }), "still.png");
  const noCookie = await fetch(`${a.url}/api/uploads`, { method: "POST", body: form, headers: { "x-upload-ticket": tickets[1] } });
  expect(noCookie.status).toBe(401);
});
