// Helpers shared by the bench scripts: starting servers on loopback, statistics, formatting.
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const NEXT_BIN = path.join(ROOT, "node_modules/next/dist/bin/next");

/** Runs a command to completion in the repository, inheriting the output; throws when it fails. */
export function run(cmd, args, { env = {}, cwd = ROOT } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "inherit", "inherit"] });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(" ")} exited with ${code}`))));
  });
}

/**
 * `next start` for `dir` on localhost:`port` (loopback only; `localhost` rather than 127.0.0.1 because the
 * guide's `/` rewrite targets the server's own host name), resolved once `probe` answers. `dir` is relative
 * to `root`, a checkout with its own node_modules (this one unless a bench compares another).
 */
export async function startNext({ dir = ".", root = ROOT, port, env = {}, probe = "/" }) {
  // A server left on the port would answer the probe before the new one fails to bind, and be measured
  // in its place (serving a build that may no longer exist): refuse instead.
  await assertPortFree(port);
  const child = spawn(
    process.execPath,
    [path.join(root, "node_modules/next/dist/bin/next"), "start", dir, "-p", String(port), "-H", "localhost"],
    {
      cwd: root,
      env: { ...process.env, NODE_ENV: "production", PORT: String(port), ...env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let log = "";
  child.stdout.on("data", (d) => (log += d));
  child.stderr.on("data", (d) => (log += d));
  const base = `http://localhost:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start ${dir} exited:\n${log}`);
    try {
      const res = await fetch(base + probe);
      if (res.status < 500) break;
    } catch {}
    if (Date.now() > deadline) {
      child.kill("SIGTERM");
      throw new Error(`next start ${dir} did not answer on ${base}${probe}:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const stop = () =>
    new Promise((r) => {
      if (child.exitCode !== null) return r();
      child.once("exit", r);
      child.kill("SIGTERM");
    });
  return { base, stop };
}

/**
 * Throws, naming the port and how to choose another, when something already listens on `port`: when a
 * connection to it on localhost succeeds, or when it cannot be bound (both, because some systems let a
 * wildcard bind succeed next to a server bound to 127.0.0.1).
 */
export async function assertPortFree(port) {
  const inUse = () =>
    new Error(
      `port ${port} is already in use (a server left running?): stop it, or choose other ports with BENCH_APP_PORT, BENCH_YARDSTICK_PORT, BENCH_PROXY_PORT, BENCH_VARIANT_PORT`,
    );
  const answers = await new Promise((resolve) => {
    const socket = net.connect({ port, host: "localhost" });
    socket.setTimeout(1000);
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", () => resolve(false));
  });
  if (answers) throw inUse();
  await new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", (err) => reject(err.code === "EADDRINUSE" ? inUse() : err));
    probe.listen(port, () => probe.close(() => resolve()));
  });
}

/** Playwright's Chromium where installed, Debian's otherwise, with the flags of e2e/browser.ts. */
export async function launchChromium() {
  const { chromium } = await import("@playwright/test");
  let bundled = "";
  try {
    bundled = chromium.executablePath();
  } catch {}
  if (bundled && existsSync(bundled)) return chromium.launch();
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export function quantile(values, q) {
  const s = [...values].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const i = (s.length - 1) * q;
  const lo = Math.floor(i);
  return s[lo] + (s[Math.min(lo + 1, s.length - 1)] - s[lo]) * (i - lo);
}

export const median = (values) => quantile(values, 0.5);

/** `median [min–max]` with a fixed number of decimals. */
export function spread(values, digits = 0, unit = "") {
  return `${median(values).toFixed(digits)}${unit} [${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)}]`;
}

export function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}
export const flag = (name) => process.argv.includes(`--${name}`);

/**
 * Every section laid out: the guide's lower sections use `content-visibility: auto` (laid out only near
 * the viewport, their overflow clipped), which would leave them blank below the fold in a full-page
 * screenshot and hide an over-wide one from a sideways-scroll check (e2e/layout.spec.ts).
 */
export const FULL_PAGE_SHOT_STYLE = "* { content-visibility: visible !important; }";

/** RSS in bytes of `pid` and every process below it (next start's server child, ffmpeg renders), from /proc (Linux). */
export function treeRss(pid) {
  const children = new Map();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(entry));
    } catch {}
  }
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop();
    try {
      total += Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, "utf8"))?.[1] ?? 0) * 1024;
    } catch {}
    stack.push(...(children.get(p) ?? []));
  }
  return total;
}
