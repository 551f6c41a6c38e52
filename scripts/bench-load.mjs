#!/usr/bin/env node
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
// Load test of the proxy with the embedded simulator behind it, on loopback only: starts `next start`
// from the current build (builds first when there is none), then drives task creation and polling with
// autocannon for a bounded time each and prints requests per second, latency percentiles and errors.
// With `--redis`, runs the same again with REDIS_URL set (a throw-away redis-server on loopback), so
// the cost of shared state shows.
//
// Then two scenarios of issue #23 (each on a fresh server):
// - watchers: 1,000 concurrent watchers of 10 tasks, each polling at the page's own schedule
//   (lib/polling.ts: 1 s, growing ×1.5 up to 10 s), for BENCH_WATCH_SECONDS; prints the errors (goal 0)
//   and the polls that reached the upstream per second (goal ≤ 10), read from GET /api/operator;
// - abuse: 50 clients (each its own address) pushing large downloads (a 16k×16k PNG, an endless video)
//   and renders at the simulator for BENCH_ABUSE_SECONDS; samples the server's memory (its process tree,
//   ffmpeg included) and the simulator's disk, and prints both against their bounds.
//
//   npm run bench:load                  # memory store
//   npm run bench:load -- --redis       # memory store, then Redis
//   npm run bench:load -- --only=watchers,abuse
//   BENCH_SECONDS=20 BENCH_CONNECTIONS=20 BENCH_PORT=3410 npm run bench:load
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { treeRss } from "../bench/lib.mjs";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const withRedis = process.argv.includes("--redis");
const BODY = JSON.stringify({
  model: "nano-banana-2",
  mode: "text-to-video",
  input: { prompt: "Load test", duration: 6, aspect_ratio: "16:9" },
});

async function freePort(fixed) {
  if (fixed) return Number(fixed);
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitFor(url, child, log) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited: ${log.join("")}`);
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server did not answer ${url}`);
}

function stop(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

async function startRedis() {
  const bin = ["/usr/bin/redis-server", "/usr/local/bin/redis-server"].find((p) => existsSync(p));
  if (!bin) throw new Error("--redis needs Debian's redis-server (apt-get install redis-server)");
  const port = await freePort(process.env.BENCH_REDIS_PORT);
  const child = spawn(bin, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
  for (let i = 0; i < 100; i++) {
    const ok = await new Promise((r) =>
      net
        .connect(port, "127.0.0.1")
        .once("connect", function () {
          this.end();
          r(true);
        })
        .once("error", () => r(false)),
    );
    if (ok) return { url: `redis://127.0.0.1:${port}`, child };
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("redis-server did not start");
}

async function startApp(extraEnv, overrides = {}) {
  const port = await freePort(process.env.BENCH_PORT);
  const dataDir = path.resolve(".bench/simulator");
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const log = [];
  const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: {
      ...process.env,
      ...extraEnv,
      PORT: String(port),
      NODE_ENV: "production",
      UPSTREAM_BASE_URL: "",
      SIMULATOR_DATA_DIR: dataDir,
      SIMULATOR_QUEUE_MS: "1500",
      PLAYGROUND_ACCESS_TOKEN: "",
      // One client (127.0.0.1) sends thousands of requests: the limits would answer 429 to nearly all.
      RATE_LIMIT_CREATE_PER_MINUTE: "0",
      RATE_LIMIT_CREATE_PER_DAY: "0",
      RATE_LIMIT_POLL_PER_MINUTE: "0",
      DEPLOYMENT_CREATE_PER_DAY: "0",
      ...overrides,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.on("data", (d) => log.push(String(d)));
  child.stderr.on("data", (d) => log.push(String(d)));
  const base = `http://127.0.0.1:${port}`;
  await waitFor(`${base}/api/health`, child, log);
  return { base, child, dataDir };
}

function run(title, opts) {
  return new Promise((resolve, reject) => {
    autocannon({ connections: CONNECTIONS, duration: SECONDS, ...opts }, (err, r) => (err ? reject(err) : resolve({ title, r })));
  });
}

function row({ title, r }) {
  const errors = r.errors + r.timeouts + r.non2xx;
  return {
    scenario: title,
    "req/s (avg)": Math.round(r.requests.average),
    "p50 ms": r.latency.p50,
    "p90 ms": r.latency.p90,
    "p99 ms": r.latency.p99,
    "max ms": r.latency.max,
    requests: r.requests.total,
    "errors (non-2xx/timeouts)": `${errors} (${r.non2xx}/${r.timeouts})`,
  };
}

async function bench(label, env) {
  const app = await startApp(env);
  try {
    const headers = { "content-type": "application/json", origin: app.base, "sec-fetch-site": "same-origin" };
    // Warm up: compile-free in production, but the first render and connections cost once.
    const first = await (await fetch(`${app.base}/api/tasks`, { method: "POST", headers, body: BODY })).json();
    if (!first.task_id) throw new Error(`create failed: ${JSON.stringify(first)}`);
    await run("warm-up", { url: `${app.base}/api/tasks/${first.task_id}`, duration: 2 });
    const create = await run(`${label}: POST /api/tasks`, { url: `${app.base}/api/tasks`, method: "POST", headers, body: BODY });
    const poll = await run(`${label}: GET /api/tasks/{id}`, { url: `${app.base}/api/tasks/${first.task_id}` });
    return [create, poll];
  } finally {
    await stop(app.child);
  }
}

if (!existsSync(".next/BUILD_ID") || process.env.BENCH_BUILD === "1") {
  console.log("Building (next build)…");
  execFileSync("npm", ["run", "build"], { stdio: "inherit" });
}

const only = (process.argv.find((a) => a.startsWith("--only=")) ?? "").slice(7).split(",").filter(Boolean);
const wants = (name) => only.length === 0 || only.includes(name);

const cpu = os.cpus()[0]?.model ?? "unknown CPU";
console.log(
  `\nbench:load — ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} × ${cpu}, Node ${process.version}, load average ${os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(" ")}`,
);
let failed = false;
if (wants("throughput")) {
  console.log(`${CONNECTIONS} connections, ${SECONDS} s per scenario, loopback only, embedded simulator behind the proxy, limits off\n`);
  const results = await bench("memory", { REDIS_URL: "" });
  if (withRedis) {
    const redis = await startRedis();
    try {
      results.push(...(await bench("redis", { REDIS_URL: redis.url })));
    } finally {
      await stop(redis.child);
    }
  }
  console.table(results.map(row));
  failed ||= results.some(({ r }) => r.errors + r.timeouts + r.non2xx > 0);
}
if (wants("watchers")) failed ||= !(await watchers());
if (wants("abuse")) failed ||= !(await abuse());
process.exit(failed ? 1 : 0);

// ---------------------------------------------------------------------------------------------------
// Scenario: 1,000 watchers of 10 tasks at the page's polling schedule
// ---------------------------------------------------------------------------------------------------

/** The page's schedule (lib/polling.ts, POLLING in lib/spec/contract.ts): first look after 1 s, ×1.5 each time, at most 10 s. */
function nextPollDelay(pollCount) {
  return Math.round(Math.min(10_000, 1000 * 1.5 ** Math.max(0, pollCount - 1)));
}

function request(agent, url, { method = "GET", headers = {}, body } = {}) {
  return new Promise((resolve) => {
    const req = http.request(url, { method, agent, headers, timeout: 30_000 }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", (err) => resolve({ status: 0, body: String(err) }));
    });
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", (err) => resolve({ status: 0, body: String(err.message ?? err) }));
    req.end(body);
  });
}

async function operator(base) {
  return JSON.parse((await request(undefined, `${base}/api/operator`)).body);
}

async function watchers() {
  const WATCHERS = Number(process.env.BENCH_WATCHERS ?? 1000);
  const TASKS = 10;
  const WATCH_SECONDS = Number(process.env.BENCH_WATCH_SECONDS ?? 30);
  // Tasks stay queued the whole time: every watcher keeps polling (the heaviest case for the proxy).
  const app = await startApp({ REDIS_URL: "" }, { SIMULATOR_QUEUE_MS: "3600000" });
  try {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
    const headers = { "content-type": "application/json", origin: app.base, "sec-fetch-site": "same-origin" };
    const ids = [];
    for (let t = 0; t < TASKS; t++) {
      // One request body for all ten: ten tasks, one shared render (the simulator's per-visitor cap stays out of the way).
      const body = JSON.stringify({ model: "nano-banana-2", mode: "text-to-video", input: { prompt: "Watched task", duration: 6 } });
      const res = await request(agent, `${app.base}/api/tasks`, { method: "POST", headers, body });
      const id = JSON.parse(res.body).task_id;
      if (!id) throw new Error(`create failed: ${res.status} ${res.body}`);
      ids.push(id);
    }
    const before = await operator(app.base);
    const started = performance.now();
    const end = started + WATCH_SECONDS * 1000;
    let polls = 0;
    const errors = [];
    const latencies = [];
    const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
    await Promise.all(
      Array.from({ length: WATCHERS }, async (_, w) => {
        const url = `${app.base}/api/tasks/${ids[w % TASKS]}`;
        // Pages open over the first second, as visitors arrive.
        await sleep(Math.random() * 1000);
        for (let n = 1; ; n++) {
          const delay = nextPollDelay(n);
          if (performance.now() + delay > end) break;
          await sleep(delay);
          const t = performance.now();
          const res = await request(agent, url, { headers: { "sec-fetch-site": "same-origin" } });
          latencies.push(performance.now() - t);
          polls++;
          if (res.status !== 200) errors.push(`${res.status} ${res.body.slice(0, 120)}`);
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    const after = await operator(app.base);
    const upstream = after.upstream_polls_since_start - before.upstream_polls_since_start;
    const perSecond = upstream / elapsed;
    latencies.sort((a, b) => a - b);
    const q = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]?.toFixed(0);
    console.log(`\nwatchers — ${WATCHERS} watchers of ${TASKS} tasks at the page's schedule (1 s, ×1.5, ≤ 10 s), ${elapsed.toFixed(1)} s:`);
    console.log(`  polls answered ${polls} (${(polls / elapsed).toFixed(0)}/s), p50 ${q(0.5)} ms, p99 ${q(0.99)} ms`);
    console.log(`  errors ${errors.length} (goal 0)${errors.length ? `; first: ${errors[0]}` : ""}`);
    console.log(
      `  upstream polls ${upstream} in ${elapsed.toFixed(1)} s = ${perSecond.toFixed(2)}/s (goal ≤ 10: one per task per second at most)`,
    );
    agent.destroy();
    return errors.length === 0 && perSecond <= 10;
  } finally {
    await stop(app.child);
  }
}

// ---------------------------------------------------------------------------------------------------
// Scenario: 50 abusive clients at the simulator
// ---------------------------------------------------------------------------------------------------

function dirBytes(dir) {
  let total = 0;
  for (const name of readdirSync(dir)) {
    try {
      const st = statSync(path.join(dir, name));
      if (st.isFile()) total += st.size;
    } catch {}
  }
  return total;
}

/** A loopback file server with what an abuser links to: a 16k×16k PNG (9 MB), a JPEG of 12 MB, an endless "video". */
async function startMediaServer() {
  const png = Buffer.alloc(9 * 1024 * 1024);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(png, 0);
  png.writeUInt32BE(13, 8);
  png.write("IHDR", 12, "latin1");
  png.writeUInt32BE(16384, 16);
  png.writeUInt32BE(16384, 20);
  png[24] = 8;
  png[25] = 6;
  const mp4Head = Buffer.from("000000206674797069736f6d0000020069736f6d69736f32617663316d703431", "hex");
  const server = http.createServer((req, res) => {
    if (req.url?.startsWith("/huge.png")) return res.end(png);
    if (req.url?.startsWith("/big.jpg"))
      return res.end(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(12 * 1024 * 1024)]));
    if (req.url?.startsWith("/endless.mp4")) {
      res.writeHead(200, { "content-type": "video/mp4" });
      res.write(mp4Head);
      const chunk = Buffer.alloc(256 * 1024, 7);
      const pump = () => {
        while (res.write(chunk)) {}
      };
      res.on("drain", pump);
      pump();
      return;
    }
    res.writeHead(404).end();
  });
  const port = await freePort(process.env.BENCH_MEDIA_PORT);
  await new Promise((r) => server.listen(port, "127.0.0.1", r));
  const close = () => {
    server.closeAllConnections();
    return new Promise((r) => server.close(r));
  };
  return { base: `http://127.0.0.1:${port}`, close };
}

async function abuse() {
  const CLIENTS = 50;
  const SECONDS_ = Number(process.env.BENCH_ABUSE_SECONDS ?? 30);
  const DISK_MB = Number(process.env.BENCH_ABUSE_DISK_MB ?? 300);
  const MEMORY_BOUND_MB = Number(process.env.BENCH_MEMORY_BOUND_MB ?? 1024);
  const media = await startMediaServer();
  const app = await startApp(
    { REDIS_URL: "" },
    {
      // Each client its own address (one trusted proxy: the bench sets X-Forwarded-For), the real limits on.
      TRUSTED_PROXY_COUNT: "1",
      RATE_LIMIT_CREATE_PER_MINUTE: "",
      RATE_LIMIT_CREATE_PER_DAY: "",
      RATE_LIMIT_POLL_PER_MINUTE: "",
      SIMULATOR_ALLOW_PRIVATE_FETCH: "1",
      SIMULATOR_MAX_DISK_MB: String(DISK_MB),
      SIMULATOR_QUEUE_MS: "500",
      SIMULATOR_RUN_MS_PER_SECOND: "200",
    },
  );
  const statuses = new Map();
  let peakRss = 0;
  let peakDisk = 0;
  const baseline = treeRss(app.child.pid);
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, treeRss(app.child.pid));
    peakDisk = Math.max(peakDisk, dirBytes(app.dataDir));
  }, 100);
  try {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 128 });
    const end = performance.now() + SECONDS_ * 1000;
    const bodies = (c, i) => [
      { mode: "image-to-video", input: { prompt: `abuse ${c}-${i}`, image_url: `${media.base}/huge.png?c=${c}&i=${i}` } },
      { mode: "image-to-video", input: { prompt: `abuse ${c}-${i}`, image_url: `${media.base}/big.jpg?c=${c}&i=${i}` } },
      { mode: "video-edit", input: { prompt: `abuse ${c}-${i}`, video_url: `${media.base}/endless.mp4?c=${c}&i=${i}` } },
      { mode: "text-to-video", input: { prompt: `abuse render ${c}-${i}`, duration: 10 } },
    ];
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, c) => {
        const headers = { "content-type": "application/json", "x-forwarded-for": `198.18.${c}.1`, "sec-fetch-site": "same-origin" };
        for (let i = 0; performance.now() < end; i++) {
          const body = JSON.stringify({ model: "nano-banana-2", ...bodies(c, i)[i % 4] });
          const res = await request(agent, `${app.base}/api/tasks`, { method: "POST", headers, body });
          let type = "";
          try {
            type = JSON.parse(res.body).error?.type ?? "";
          } catch {}
          const key = `${res.status}${type ? ` ${type}` : ""}`;
          statuses.set(key, (statuses.get(key) ?? 0) + 1);
          if (res.status === 429 || res.status === 503) await new Promise((r) => setTimeout(r, 250));
        }
      }),
    );
    // Let downloads and renders under way finish or fail, still sampling.
    for (let i = 0; i < 100; i++) {
      const view = await operator(app.base);
      if (!view.simulator.renders_in_flight && !view.simulator.downloads_in_flight) break;
      await new Promise((r) => setTimeout(r, 300));
    }
    agent.destroy();
  } finally {
    clearInterval(sampler);
    await stop(app.child);
    await media.close();
  }
  const mb = (b) => `${(b / 1024 / 1024).toFixed(0)} MB`;
  console.log(
    `\nabuse — ${CLIENTS} clients, each its own address, pushing large downloads and renders at the simulator for ${SECONDS_} s:`,
  );
  console.log(`  answers to creates: ${[...statuses].map(([k, v]) => `${k}: ${v}`).join(", ")}`);
  console.log(`  memory (server + ffmpeg): baseline ${mb(baseline)}, peak ${mb(peakRss)} (bound ${MEMORY_BOUND_MB} MB)`);
  console.log(`  disk (SIMULATOR_DATA_DIR): peak ${mb(peakDisk)} (bound SIMULATOR_MAX_DISK_MB=${DISK_MB} MB)`);
  const ok = peakRss <= MEMORY_BOUND_MB * 1024 * 1024 && peakDisk <= DISK_MB * 1024 * 1024;
  console.log(`  ${ok ? "both under their bounds" : "A BOUND WAS EXCEEDED"}`);
  return ok;
}
