/**
 * Starts a real, throw-away `redis-server` for tests (Debian's package; installed with apt-get when it
 * is missing and we are root, like scripts/ensure-browser.mjs does for Chromium). Nothing is assumed
 * to be running; the server keeps no files and is stopped by `stop()`.
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import net from "node:net";

export type RedisServer = { url: string; port: number; stop: () => Promise<void> };

const CANDIDATES = [process.env.REDIS_SERVER_PATH, "/usr/bin/redis-server", "/usr/local/bin/redis-server"].filter(Boolean) as string[];

/** The redis-server binary, installing Debian's package when missing and root. Throws when there is none. */
export function ensureRedisServer(): string {
  const found = CANDIDATES.find((p) => existsSync(p));
  if (found) return found;
  if (process.getuid?.() === 0 && existsSync("/usr/bin/apt-get")) {
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    execFileSync("apt-get", ["update", "-q"], { stdio: "ignore", env });
    execFileSync("apt-get", ["install", "-y", "-q", "redis-server"], { stdio: "ignore", env });
    const installed = CANDIDATES.find((p) => existsSync(p));
    if (installed) return installed;
  }
  throw new Error("No redis-server for the tests: install Debian's `redis-server` package or set REDIS_SERVER_PATH.");
}

/** A free loopback port, from the environment variable `envName` when set. */
export async function freePort(envValue?: string): Promise<number> {
  if (envValue) return Number(envValue);
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, "127.0.0.1", () => {
        s.end();
        resolve(true);
      });
      s.once("error", () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`redis-server did not listen on ${port}`);
}

/** Starts redis-server on `port` (default: TEST_REDIS_PORT, else a free port) with no persistence. */
export async function startRedisServer(port?: number): Promise<RedisServer> {
  const bin = ensureRedisServer();
  const p = port ?? (await freePort(process.env.TEST_REDIS_PORT));
  const child = spawn(
    bin,
    ["--port", String(p), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no", "--loglevel", "warning"],
    {
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  let stderr = "";
  child.stderr?.on("data", (d) => (stderr += String(d)));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    await waitForPort(p, Date.now() + 10_000);
  } catch (err) {
    child.kill("SIGKILL");
    throw new Error(`${(err as Error).message}: ${stderr.slice(0, 500)}`);
  }
  return {
    url: `redis://127.0.0.1:${p}`,
    port: p,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}
