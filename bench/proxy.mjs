#!/usr/bin/env node
// npm run bench:proxy — the proxy's cost: create and poll through the app's proxy (/api/tasks…) against
// the same calls made straight to the same upstream (the embedded simulator at /api/simulator/v1/…, with
// the key), in one run on loopback. Options: --seconds S per phase (default 4), --concurrency C (default 8),
// --build (build first; also done when there is no build yet).
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { arg, flag, quantile, ROOT, run, startNext } from "./lib.mjs";

const SECONDS = Number(arg("seconds", 4));
const CONCURRENCY = Number(arg("concurrency", 8));
const PORT = Number(process.env.BENCH_PROXY_PORT ?? 3433);
const KEY = "sk-bench-proxy-0123456789";
const DATA_DIR = path.join(ROOT, ".data/bench-proxy-simulator");

if (flag("build") || !existsSync(path.join(ROOT, ".next/BUILD_ID"))) await run("npm", ["run", "build"]);
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
  },
});

const body = JSON.stringify({
  model: "nano-banana-2",
  mode: "text-to-video",
  input: { prompt: "A cinematic city sunrise with soft fog and moving traffic.", aspect_ratio: "16:9", duration: 6, resolution: "720P" },
});
const direct = { base: `${app.base}/api/simulator/v1/tasks`, headers: { authorization: `Bearer ${KEY}` } };
const proxy = { base: `${app.base}/api/tasks`, headers: {} };

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
  const ids = (await phase(create(direct), 0.5)).results;
  const merge = (a, b) => ({
    latencies: [...a.latencies, ...b.latencies],
    errors: [...a.errors, ...b.errors],
    perSecond: (a.perSecond + b.perSecond) / 2,
  });
  const half = SECONDS / 2;
  for (const [name, d, p] of [
    ["create", create(direct), create(proxy)],
    ["poll", poll(direct, ids), poll(proxy, ids)],
  ]) {
    const d1 = await phase(d, half);
    const p1 = await phase(p, half);
    const p2 = await phase(p, half);
    const d2 = await phase(d, half);
    rows[name] = { direct: merge(d1, d2), proxy: merge(p1, p2) };
  }
} finally {
  await app.stop();
  rmSync(DATA_DIR, { recursive: true, force: true });
}

console.log(`\nbench:proxy — ${CONCURRENCY} concurrent callers, ${SECONDS} s per path and operation, loopback, one next start.`);
console.log("Direct = the embedded simulator's own routes with the key; proxy = /api/tasks… (validation, key, timeout, error mapping).");
console.log("Shared machine: figures are noisy; compare the ratio, measured in the same run.\n");
console.log("op      path     calls   p50 ms   p99 ms    req/s   errors");
for (const [name, r] of Object.entries(rows)) {
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
