import { existsSync } from "node:fs";
import { chromium, type LaunchOptions } from "@playwright/test";

/** Debian's Chromium, for machines where Playwright cannot download its own browser. */
export const SYSTEM_CHROMIUM = "/usr/bin/chromium";

/**
 * Playwright's own Chromium where it is installed (an ordinary laptop after `npx playwright install`),
 * Debian's `chromium` otherwise, with the flags a sandboxed, offline machine needs.
 */
export function chromiumLaunchOptions(): LaunchOptions {
  let bundled = "";
  try {
    bundled = chromium.executablePath();
  } catch {
    bundled = "";
  }
  if (bundled && existsSync(bundled)) return {};
  return {
    executablePath: process.env.CHROMIUM_PATH || SYSTEM_CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  };
}
