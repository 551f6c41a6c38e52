#!/usr/bin/env node
/**
 * Builds the documentation-site fixture of e2e/embed-script.spec.ts: a small Starlight (Astro) site whose
 * quick-start page embeds the playground with the one script tag, as a docs author would write it in
 * Markdown. Its source is e2e/docs-site/; the built site is committed in e2e/fixtures/docs-site/, so the
 * tests need neither Astro nor the network (installing it takes about a minute and 370 packages; the
 * build about 17 s). Run this again only when the source changes:
 *
 *   node scripts/make-docs-site-fixture.mjs
 *
 * The pages carry `__PLAYGROUND_ORIGIN__` where the playground's origin goes; e2e/embed-host.ts puts the
 * tested server's origin in when it serves them. Astro and Starlight are installed in a temporary folder
 * (pinned, without install scripts), never into this project.
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const ASTRO = "5.18.2";
const STARLIGHT = "0.36.3";
const root = process.cwd();
const work = mkdtempSync(path.join(os.tmpdir(), "docs-site-"));
try {
  cpSync(path.join(root, "e2e/docs-site"), work, { recursive: true });
  writeFileSync(path.join(work, "package.json"), JSON.stringify({ name: "docs-site-fixture", private: true, type: "module" }));
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  execFileSync(npm, ["install", "--ignore-scripts", "--no-audit", "--no-fund", `astro@${ASTRO}`, `@astrojs/starlight@${STARLIGHT}`], {
    cwd: work,
    stdio: "inherit",
  });
  execFileSync(process.execPath, [path.join(work, "node_modules/astro/astro.js"), "build"], { cwd: work, stdio: "inherit" });
  const out = path.join(root, "e2e/fixtures/docs-site");
  rmSync(out, { recursive: true, force: true });
  cpSync(path.join(work, "dist"), out, { recursive: true });
  console.log(`built into ${path.relative(root, out)}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
