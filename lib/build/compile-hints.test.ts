import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { COMPILE_HINT, firstLoadScripts, markFirstLoadScripts } from "../../scripts/compile-hints.mjs";

/** A build folder shaped like `next build`'s: the manifests that name first-load chunks, and the chunks. */
function fakeBuild(dir: string) {
  const chunks = path.join(dir, "static", "chunks");
  mkdirSync(chunks, { recursive: true });
  for (const name of ["framework.js", "main.js", "page.js", "layout.js", "later.js", "polyfill.js"]) {
    writeFileSync(path.join(chunks, name), `(globalThis.TURBOPACK||[]).push(["${name}",()=>{}]);\n//# sourceMappingURL=${name}.map`);
  }
  writeFileSync(path.join(chunks, "page.js.map"), JSON.stringify({ version: 3, sources: ["page.tsx"], names: [], mappings: "AAAA;AACA" }));
  writeFileSync(
    path.join(dir, "build-manifest.json"),
    JSON.stringify({
      polyfillFiles: ["static/chunks/polyfill.js"],
      rootMainFiles: ["static/chunks/framework.js", "static/chunks/main.js"],
    }),
  );
  const route = path.join(dir, "server", "app", "[locale]");
  mkdirSync(route, { recursive: true });
  const manifest = {
    "/[locale]/page": {
      entryJSFiles: {
        "[project]/app/[locale]/layout": ["static/chunks/layout.js"],
        "[project]/app/[locale]/page": ["static/chunks/page.js", "static/chunks/main.js"],
      },
    },
  };
  writeFileSync(
    path.join(route, "page_client-reference-manifest.js"),
    `globalThis.__RSC_MANIFEST = (globalThis.__RSC_MANIFEST || {});\nglobalThis.__RSC_MANIFEST["/[locale]/page"] = ${JSON.stringify(manifest["/[locale]/page"])};\n`,
  );
}

describe("compile hints on the first-load scripts", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "hints-"));
    fakeBuild(dir);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const read = (name: string) => readFileSync(path.join(dir, "static", "chunks", name), "utf8");

  it("finds the scripts every route and each app route's layouts and page load, and nothing loaded later", () => {
    expect(firstLoadScripts(dir)).toEqual([
      "static/chunks/framework.js",
      "static/chunks/layout.js",
      "static/chunks/main.js",
      "static/chunks/page.js",
    ]);
  });

  it("puts the hint on their first line, leaves the rest of the code and other chunks alone, and only once", () => {
    const before = read("page.js");
    expect(markFirstLoadScripts(dir)).toHaveLength(4);
    expect(read("page.js")).toBe(`${COMPILE_HINT}\n${before}`);
    expect(read("framework.js").startsWith(`${COMPILE_HINT}\n`)).toBe(true);
    expect(read("later.js").startsWith("//#")).toBe(false);
    expect(read("polyfill.js").startsWith("//#")).toBe(false);
    expect(markFirstLoadScripts(dir)).toEqual([]);
    expect(read("page.js").split(COMPILE_HINT)).toHaveLength(2);
  });

  it("shifts a source map by the added line, so it still points at the right code", () => {
    markFirstLoadScripts(dir);
    const map = JSON.parse(readFileSync(path.join(dir, "static", "chunks", "page.js.map"), "utf8"));
    expect(map.mappings).toBe(";AAAA;AACA");
  });

  it("fails loudly on a build without its manifest or with a listed chunk missing", () => {
    rmSync(path.join(dir, "static", "chunks", "layout.js"));
    expect(() => markFirstLoadScripts(dir)).toThrow(/layout\.js.*missing/);
    rmSync(path.join(dir, "build-manifest.json"));
    expect(() => firstLoadScripts(dir)).toThrow(/build-manifest\.json is missing/);
  });
});
