#!/usr/bin/env node
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
// Load test of the proxy with the embedded simulator behind it, on loopback only: starts `next start`
// from the current build (builds first when there is none), then drives task creation and polling with
// autocannon for a bounded time each and prints requests per second, latency percentiles and errors.
// With `--redis`, runs the same again with REDIS_URL set (a throw-away redis-server on loopback), so
// the cost of shared state shows.
//
//   npm run bench:load                  # memory store
//   npm run bench:load -- --redis       # memory store, then Redis
//   BENCH_SECONDS=20 BENCH_CONNECTIONS=20 BENCH_PORT=3410 npm run bench:load
import autocannon from "autocannon";

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

async function startApp(extraEnv) {
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
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.on("data", (d) => log.push(String(d)));
  child.stderr.on("data", (d) => log.push(String(d)));
  const base = `http://127.0.0.1:${port}`;
  await waitFor(`${base}/api/health`, child, log);
  return { base, child };
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

const cpu = os.cpus()[0]?.model ?? "unknown CPU";
console.log(
  `\nbench:load — ${os.cpus().length} × ${cpu}, Node ${process.version}, load average ${os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(" ")}`,
);
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
const failed = results.some(({ r }) => r.errors + r.timeouts + r.non2xx > 0);
process.exit(failed ? 1 : 0);
