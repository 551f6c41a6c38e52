/**
 * The code's layout as rules a change cannot break quietly: the simulator and the upstream adapters it
 * stands in for share no code (a fake that shares the adapter's parser cannot catch that parser's bugs),
 * and no module imports itself through others.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = process.cwd();
const SOURCE_DIRS = ["app", "components", "lib"];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.ts$/.test(name) ? [p] : [];
  });
}

/** The project files a module imports (`@/…` and relative specifiers), resolved to paths. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const specs = [...text.matchAll(/(?:import|export)\s+(?:type\s+)?(?:[^"';]*?\sfrom\s+)?["']([^"']+)["']/g)].map((m) => m[1]);
  return specs.flatMap((spec) => {
    const base = spec.startsWith("@/")
      ? path.join(ROOT, spec.slice(2))
      : spec.startsWith(".")
        ? path.resolve(path.dirname(file), spec)
        : null;
    if (!base) return [];
    const found = [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")].find((p) => {
      try {
        return statSync(p).isFile();
      } catch {
        return false;
      }
    });
    return found ? [found] : [];
  });
}

const files = [...SOURCE_DIRS.flatMap((d) => sources(path.join(ROOT, d))), path.join(ROOT, "proxy.ts")];
const graph = new Map(files.map((f) => [f, importsOf(f)]));
const rel = (p: string) => path.relative(ROOT, p);

describe("the layout", () => {
  it("keeps the simulator and the upstream adapters apart", () => {
    const crossings = [...graph].flatMap(([file, deps]) =>
      deps
        .filter(
          (dep) =>
            (rel(file).startsWith("lib/simulator/") && rel(dep).startsWith("lib/upstream/")) ||
            (rel(file).startsWith("lib/upstream/") && rel(dep).startsWith("lib/simulator/") && !rel(dep).endsWith("scenarios.ts")),
        )
        .map((dep) => `${rel(file)} → ${rel(dep)}`),
    );
    expect(crossings).toEqual([]);
  });

  it("has no import cycles", () => {
    const cycles: string[] = [];
    const state = new Map<string, "open" | "done">();
    const visit = (file: string, trail: string[]) => {
      if (state.get(file) === "done") return;
      if (state.get(file) === "open") {
        cycles.push([...trail.slice(trail.indexOf(file)), file].map(rel).join(" → "));
        return;
      }
      state.set(file, "open");
      for (const dep of graph.get(file) ?? []) visit(dep, [...trail, file]);
      state.set(file, "done");
    };
    for (const file of graph.keys()) visit(file, []);
    expect(cycles).toEqual([]);
  });
});
