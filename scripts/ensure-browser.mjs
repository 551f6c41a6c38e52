#!/usr/bin/env node
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
// Makes sure a Chromium exists for the end-to-end tests: Playwright's own if installed, else Debian's
// `chromium` (installed with apt-get when missing and we are root). Exits non-zero with a clear
// message when neither can be had.
import { chromium } from "@playwright/test";

const system = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
let bundled = "";
try {
  bundled = chromium.executablePath();
} catch {}

if (bundled && existsSync(bundled)) {
  console.log(`e2e browser: Playwright's Chromium (${bundled})`);
  process.exit(0);
}
if (existsSync(system)) {
  console.log(`e2e browser: system Chromium (${system})`);
  process.exit(0);
}
if (process.getuid?.() === 0 && existsSync("/usr/bin/apt-get")) {
  console.log("e2e browser: installing Debian's chromium with apt-get…");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("apt-get", ["update", "-q"], { stdio: "inherit", env });
  execFileSync("apt-get", ["install", "-y", "-q", "chromium"], { stdio: "inherit", env });
  if (existsSync(system)) process.exit(0);
}
console.error(
  "No Chromium for the end-to-end tests. Run `npx playwright install chromium`, or install your system's chromium and set CHROMIUM_PATH.",
);
process.exit(1);
