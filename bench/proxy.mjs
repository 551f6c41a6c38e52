#!/usr/bin/env node
// npm run bench:proxy — the proxy's cost: create and poll through the app's proxy (/api/tasks…) against
// the same calls made straight to the same upstream (the embedded simulator at /api/simulator/v1/…, with
// the key), and the poll against a bare Next route handler of the same Next version (bench/yardstick's
// /api/poll), all in one run on loopback. Prints the poll's throughput ratio to the bare handler (the goal:
// at least 0.8). Options: --seconds S per phase (default 4), --concurrency C (default 8), --build (build
// first; also done when there is no build yet).
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { arg, flag, quantile, ROOT, run, startNext } from "./lib.mjs";

const SECONDS = Number(arg("seconds", 4));
const CONCURRENCY = Number(arg("concurrency", 8));
const PORT = Number(process.env.BENCH_PROXY_PORT ?? 3433);
const YARD_PORT = Number(process.env.BENCH_YARDSTICK_PORT ?? 3432);
const KEY = "sk-bench-proxy-0123456789";
const DATA_DIR = path.join(ROOT, ".data/bench-proxy-simulator");

if (flag("build") || !existsSync(path.join(ROOT, ".next/BUILD_ID"))) await run("npm", ["run", "build"]);
if (flag("build") || !existsSync(path.join(ROOT, "bench/yardstick/.next/server/app/api/poll"))) {
  await run(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "build", "bench/yardstick"]);
}
rmSync(DATA_DIR, { recursive: true, force: true });

const app = await startNext({
  port: PORT,
  probe: "/api/health",
  env: {
    UPSTREAM_BASE_URL: "",
    UPSTREAM_API_KEY: KEY,
    SIMULATOR_DATA_DIR: DATA_DIR,
    // Tasks stay queued: the bench measures the HTTP path, not the renderer (identical creates share one render anyway).
    SIMULATOR_QUEUE_MS: "600000",
    // Generous limits so rate limiting (when the proxy has it) never answers 429 here.
    RATE_LIMIT_CREATE_PER_MINUTE: "100000",
    RATE_LIMIT_CREATE_PER_DAY: "1000000",
    RATE_LIMIT_POLL_PER_MINUTE: "1000000",
    DEPLOYMENT_CREATE_PER_DAY: "0",
  },
});
const yard = await startNext({ dir: "bench/yardstick", port: YARD_PORT, probe: "/api/poll" });

const body = JSON.stringify({
  model: "nano-banana-2",
  mode: "text-to-video",
  input: { prompt: "A cinematic city sunrise with soft fog and moving traffic.", aspect_ratio: "16:9", duration: 6, resolution: "720P" },
});
const direct = { base: `${app.base}/api/simulator/v1/tasks`, headers: { authorization: `Bearer ${KEY}` } };
const proxy = { base: `${app.base}/api/tasks`, headers: {} };
const bare = async () => {
  const res = await fetch(`${yard.base}/api/poll`);
  const json = await res.json();
  if (!res.ok) throw new Error(`bare ${res.status}`);
  return json.status;
};

const create = (via) => async () => {
  const res = await fetch(via.base, { method: "POST", headers: { "content-type": "application/json", ...via.headers }, body });
  const json = await res.json();
  if (!res.ok) throw new Error(`create ${res.status}: ${JSON.stringify(json).slice(0, 200)}`);
  return json.task_id;
};
const poll = (via, ids) => {
  let i = 0;
  return async () => {
    const res = await fetch(`${via.base}/${ids[i++ % ids.length]}`, { headers: via.headers });
    const json = await res.json();
    if (!res.ok) throw new Error(`poll ${res.status}: ${JSON.stringify(json).slice(0, 200)}`);
    return json.status;
  };
};

/** Calls `op` from CONCURRENCY loops for `seconds`; returns each call's latency (ms), errors and calls/s. */
async function phase(op, seconds) {
  const latencies = [];
  const errors = [];
  const results = [];
  const start = performance.now();
  const end = start + seconds * 1000;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < end) {
        const t = performance.now();
        try {
          results.push(await op());
          latencies.push(performance.now() - t);
        } catch (err) {
          errors.push(String(err.message ?? err));
        }
      }
    }),
  );
  return { latencies, errors, results, perSecond: latencies.length / ((performance.now() - start) / 1000) };
}

const rows = {};
try {
  // Warm both paths (route compilation, connection pools), then measure in alternating halves so that
  // the machine's noise falls on both alike.
  await phase(create(direct), 0.5);
  await phase(create(proxy), 0.5);
  await phase(bare, 0.5);
  // The proxy polls only tasks it created (lib/upstream/ownership.ts): the proxy's own, for both paths.
  const ownIds = (await phase(create(proxy), 0.5)).results;
  const merge = (a, b) => ({
    latencies: [...a.latencies, ...b.latencies],
    errors: [...a.errors, ...b.errors],
    perSecond: (a.perSecond + b.perSecond) / 2,
  });
  const half = SECONDS / 2;
  for (const [name, d, p] of [
    ["create", create(direct), create(proxy)],
    ["poll", poll(direct, ownIds), poll(proxy, ownIds)],
  ]) {
    const d1 = await phase(d, half);
    const p1 = await phase(p, half);
    const p2 = await phase(p, half);
    const d2 = await phase(d, half);
    rows[name] = { direct: merge(d1, d2), proxy: merge(p1, p2) };
  }
  // The poll against a bare Next route handler of the same Next version, side by side (alternating).
  const b1 = await phase(bare, half);
  const q1 = await phase(poll(proxy, ownIds), half);
  const q2 = await phase(poll(proxy, ownIds), half);
  const b2 = await phase(bare, half);
  rows.yardstick = { bare: merge(b1, b2), poll: merge(q1, q2) };
} finally {
  await app.stop();
  await yard.stop();
  rmSync(DATA_DIR, { recursive: true, force: true });
}

console.log(`\nbench:proxy — ${CONCURRENCY} concurrent callers, ${SECONDS} s per path and operation, loopback, one next start.`);
console.log("Direct = the embedded simulator's own routes with the key; proxy = /api/tasks… (validation, key, timeout, error mapping).");
console.log("Shared machine: figures are noisy; compare the ratio, measured in the same run.\n");
console.log("op      path     calls   p50 ms   p99 ms    req/s   errors");
const { yardstick, ...compared } = rows;
for (const [name, r] of Object.entries(compared)) {
  for (const via of ["direct", "proxy"]) {
    const x = r[via];
    console.log(
      `${name.padEnd(7)} ${via.padEnd(7)} ${String(x.latencies.length).padStart(6)} ${quantile(x.latencies, 0.5).toFixed(2).padStart(8)} ${quantile(x.latencies, 0.99).toFixed(2).padStart(8)} ${x.perSecond.toFixed(0).padStart(8)} ${String(x.errors.length).padStart(8)}`,
    );
    if (x.errors.length) console.log(`        first error: ${x.errors[0]}`);
  }
  const ratio = (q) => quantile(r.proxy.latencies, q) / quantile(r.direct.latencies, q);
  console.log(
    `${name.padEnd(7)} proxy/direct: p50 ×${ratio(0.5).toFixed(2)}, p99 ×${ratio(0.99).toFixed(2)}, throughput ×${(r.proxy.perSecond / r.direct.perSecond).toFixed(2)}\n`,
  );
}

const line = (label, x) =>
  console.log(
    `${label.padEnd(16)} ${String(x.latencies.length).padStart(6)} ${quantile(x.latencies, 0.5).toFixed(2).padStart(8)} ${quantile(x.latencies, 0.99).toFixed(2).padStart(8)} ${x.perSecond.toFixed(0).padStart(8)} ${String(x.errors.length).padStart(8)}`,
  );
console.log("The poll path against a bare Next route handler of the same Next (bench/yardstick /api/poll):");
console.log("path              calls   p50 ms   p99 ms    req/s   errors");
line("bare handler", yardstick.bare);
line("GET /api/tasks/…", yardstick.poll);
const ratio = yardstick.poll.perSecond / yardstick.bare.perSecond;
console.log(`poll/bare throughput ×${ratio.toFixed(2)} (goal: at least ×0.80)${ratio >= 0.8 ? "" : "  BELOW THE GOAL"}`);
const errors = Object.values(rows).some((r) => Object.values(r).some((x) => x.errors.length));
process.exit(errors ? 1 : 0);
