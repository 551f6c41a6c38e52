#!/usr/bin/env node
// Runs `next start` and copies everything it prints into E2E_SERVER_LOG as well, so the end-to-end
// tests can prove that the API key never reaches a log line.
import { spawn } from "node:child_process";
import { createWriteStream, mkdirSync } from "node:fs";
import path from "node:path";

const logPath = process.env.E2E_SERVER_LOG || ".data/server.log";
mkdirSync(path.dirname(logPath), { recursive: true });
const log = createWriteStream(logPath, { flags: "w" });
const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start"], {
  stdio: ["ignore", "pipe", "pipe"],
  env: process.env,
});
for (const [from, to] of [
  [child.stdout, process.stdout],
  [child.stderr, process.stderr],
]) {
  from.on("data", (chunk) => {
    to.write(chunk);
    log.write(chunk);
  });
}
const stop = (signal) => child.kill(signal);
process.on("SIGTERM", () => stop("SIGTERM"));
process.on("SIGINT", () => stop("SIGINT"));
child.on("exit", (code) => {
  log.end();
  process.exit(code ?? 0);
});
