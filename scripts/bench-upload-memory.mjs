#!/usr/bin/env node
// Measures how much the server's memory grows while a 100 MB video is uploaded through the proxy.
// Starts `next start` (building first if there is no build) with the embedded simulator, uploads a
// 100 MB MP4 as the browser does (a ticket from /api/upload-tickets, then the file to /api/uploads: the
// proxy streams it to the simulator, which streams it to disk, both in the server's process), samples the
// resident memory (RSS) of the server's process tree every 25 ms, and prints the baseline, the peak and
// the growth. Usage: npm run bench:upload-memory [-- --mb 100] [-- --direct]
// --direct sends the same file straight to the simulator's own upload route instead (with the key, no
// proxy): one hop instead of two, for comparison. Each run starts a fresh server, since the RSS a process
// once reached is not given back to the system at once.
import { execSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { treeRss } from "../bench/lib.mjs";

const PORT = Number(process.env.BENCH_PORT ?? 3199);
const MB = Number(process.argv[process.argv.indexOf("--mb") + 1]) || 100;
const DIRECT = process.argv.includes("--direct");
const origin = `http://127.0.0.1:${PORT}`;
const KEY = `sk-bench-${process.pid}`;

if (!existsSync(".next/BUILD_ID")) {
  console.log("No build found: running `npm run build` first…");
  execSync("npm run build", { stdio: "inherit" });
}

const mib = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const dataDir = mkdtempSync(path.join(os.tmpdir(), "nb2-bench-upload-"));
const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(PORT)], {
  env: {
    ...process.env,
    PORT: String(PORT),
    UPSTREAM_BASE_URL: "",
    UPSTREAM_API_KEY: KEY,
    UPSTREAM_DIALECT: "task-contract",
    SIMULATOR_DATA_DIR: dataDir,
  },
  stdio: ["ignore", "ignore", "inherit"],
});
const stop = () => server.kill("SIGTERM");
process.on("exit", stop);

try {
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${origin}/api/health`)).ok) break;
    } catch {}
    if (i > 300) throw new Error("the server did not start");
    await new Promise((r) => setTimeout(r, 100));
  }
  /** The upload as the browser makes it: first a ticket for the file's size, then the file with it. */
  async function upload(blob, name) {
    if (DIRECT) {
      const form = new FormData();
      form.set("file", blob, name);
      return fetch(`${origin}/api/simulator/v1/uploads`, { method: "POST", body: form, headers: { authorization: `Bearer ${KEY}` } });
    }
    const t = await fetch(`${origin}/api/upload-tickets`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ size: blob.size }),
    });
    if (!t.ok) throw new Error(`no upload ticket: HTTP ${t.status} ${await t.text()}`);
    const { ticket } = await t.json();
    const form = new FormData();
    form.set("file", blob, name);
    return fetch(`${origin}/api/uploads`, { method: "POST", body: form, headers: { "x-upload-ticket": ticket } });
  }

  // Warm up the routes (the first request loads their modules), then let memory settle.
  const warm = await upload(new Blob([readFileSync("e2e/fixtures/source.mp4")], { type: "video/mp4" }), "warm.mp4");
  if (!warm.ok) throw new Error(`warm-up upload failed: HTTP ${warm.status} ${await warm.text()}`);
  await new Promise((r) => setTimeout(r, 1500));

  // A 100 MB "MP4": a real ftyp box, then filler (the proxy checks type from the bytes, size as they pass).
  const size = MB * 1024 * 1024;
  const video = new Uint8Array(size);
  video.set([0, 0, 0, 0x18, ...Buffer.from("ftypisom"), 0, 0, 2, 0, ...Buffer.from("isommp41")]);
  for (let i = 32; i < size; i += 4096) video[i] = i & 0xff;
  const blob = new Blob([video], { type: "video/mp4" });

  const baseline = treeRss(server.pid);
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, treeRss(server.pid))), 25);
  const started = performance.now();
  const res = await upload(blob, "big.mp4");
  const body = await res.json();
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, treeRss(server.pid));
  if (!res.ok) throw new Error(`upload failed: HTTP ${res.status} ${JSON.stringify(body)}`);
  if (body.size !== size) throw new Error(`the upstream stored ${body.size} bytes, not ${size}`);

  console.log(
    `Uploaded ${mib(size)} ${DIRECT ? "straight to the simulator's route (no proxy)" : "through the proxy to the simulator"} in ${seconds.toFixed(1)} s (${mib(size / seconds)}/s); stored ${body.size} bytes as ${body.mime_type}.`,
  );
  console.log(`Server RSS: baseline ${mib(baseline)}, peak ${mib(peak)}, growth ${mib(peak - baseline)} (goal: a few tens of MB at most).`);
} finally {
  stop();
  // The stored files (100 MB per run) go with the server.
  if (server.exitCode === null && server.signalCode === null) await new Promise((r) => server.once("exit", r));
  rmSync(dataDir, { recursive: true, force: true });
}
