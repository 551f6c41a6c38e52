#!/usr/bin/env node
// Runs after `next build` (it is part of `npm run build`): marks the scripts a page needs to hydrate with
// V8's explicit compile hint, the magic comment `//# allFunctionsCalledOnLoad` on a script's first line
// (https://v8.dev/blog/explicit-compile-hints). Chromium then compiles every function of those scripts
// while it streams them in, on a background thread, instead of compiling each one on the main thread the
// first time hydration calls it. Measured with `npm run bench:web`'s traced loads: the lazy compiles were
// about half of the main thread's CPU time before the run button was usable. Other browsers ignore the
// comment. Only the first-load scripts are marked (V8 advises using the hint sparingly): the ones Next
// lists for every route (build-manifest.json's `rootMainFiles`) and for each app route's layouts and page
// (the `entryJSFiles` of each `*_client-reference-manifest.js`); chunks loaded later stay lazy.
//
// Usage: node scripts/compile-hints.mjs [distDir]   (default .next). Idempotent.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";

export const COMPILE_HINT = "//# allFunctionsCalledOnLoad";

/** Every file under `dir` whose name ends with `suffix`. */
function filesUnder(dir, suffix) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(suffix))
    .map((e) => path.join(e.parentPath ?? e.path, e.name));
}

/** The scripts (paths relative to `distDir`, e.g. `static/chunks/x.js`) some page loads before hydrating. */
export function firstLoadScripts(distDir) {
  const buildManifest = path.join(distDir, "build-manifest.json");
  if (!existsSync(buildManifest)) throw new Error(`${buildManifest} is missing: run \`next build\` first`);
  const files = new Set(JSON.parse(readFileSync(buildManifest, "utf8")).rootMainFiles ?? []);
  for (const manifest of filesUnder(path.join(distDir, "server", "app"), "_client-reference-manifest.js")) {
    // The manifest is a script that assigns `globalThis.__RSC_MANIFEST[route]`; run it in an empty context.
    const sandbox = {};
    sandbox.globalThis = sandbox;
    sandbox.self = sandbox;
    vm.runInNewContext(readFileSync(manifest, "utf8"), sandbox, { filename: manifest });
    for (const route of Object.values(sandbox.__RSC_MANIFEST ?? {})) {
      for (const chunks of Object.values(route.entryJSFiles ?? {})) for (const chunk of chunks) files.add(chunk);
    }
  }
  return [...files].filter((f) => f.endsWith(".js")).sort();
}

/**
 * Puts the hint on the first line of `file`; a source map next to it (`file.map`) gets one more empty
 * line at the start of its mappings, so it still points at the right lines. Returns false when the file
 * already has the hint.
 */
export function addCompileHint(file) {
  const code = readFileSync(file, "utf8");
  if (code.startsWith(COMPILE_HINT)) return false;
  writeFileSync(file, `${COMPILE_HINT}\n${code}`);
  const map = `${file}.map`;
  if (existsSync(map)) {
    const json = JSON.parse(readFileSync(map, "utf8"));
    if (typeof json.mappings === "string") json.mappings = `;${json.mappings}`;
    // Index maps (sections) carry offsets instead.
    for (const section of json.sections ?? []) section.offset.line += 1;
    writeFileSync(map, JSON.stringify(json));
  }
  return true;
}

/** Marks every first-load script of the build in `distDir`; returns what it marked. */
export function markFirstLoadScripts(distDir) {
  const marked = [];
  for (const rel of firstLoadScripts(distDir)) {
    const file = path.join(distDir, rel);
    if (!existsSync(file)) throw new Error(`${rel} is listed by the build's manifests but missing from ${distDir}`);
    if (addCompileHint(file)) marked.push(rel);
  }
  return marked;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const distDir = path.resolve(process.argv[2] ?? ".next");
  const all = firstLoadScripts(distDir);
  const marked = markFirstLoadScripts(distDir);
  console.log(`compile hints: ${marked.length} of ${all.length} first-load scripts marked (${all.length - marked.length} already were)`);
}
