#!/usr/bin/env node
// npm run bench:web — the guide page and the embed against a bare Next page (bench/yardstick), same
// next/react, same machine, same run. Options: --runs N (default 11), --cpu-runs N (default 5),
// --no-build, --json FILE, --variant DIR, --model ID, --mobile-runs N (default 3; 0 skips the mobile profile).
//
// Mobile profile: Lighthouse 12.2.3 (a devDependency; 13 needs Node 22) in its default mobile
// configuration (simulated slow 4G, 4× CPU slowdown, a phone viewport), --mobile-runs loads of each page,
// interleaved, medians: performance score, TBT (and its ratio to the yardstick's, same run), CLS, LCP,
// accessibility and SEO scores (the embed's SEO without is-crawlable: it is noindex on purpose). Printed
// next to the desktop figures with the issue's targets (performance ≥ 95, TBT ≤ 1.5× the bare page's,
// CLS 0); they do not change the exit code, which stays the desktop budgets'.
//
// --model ID: measure that model's guide (/models/ID) and embed (/embed/ID) instead of the default
// model's (/ and /embed/nano-banana-2).
//
// --variant DIR: another checkout of the app (the same code with one change under test, e.g. a clever
// part replaced by the plain way), with its own node_modules. It is built too (unless --no-build), served
// on BENCH_VARIANT_PORT (default 3434), and its guide and embed are loaded in the same interleaved rounds
// as "guide*" and "embed*", so the change is measured against the same noise. Budgets apply to this
// checkout's pages only.
//
// Per page, each load cold (a fresh browser context: empty cache, no service worker; its tab left at rest
// for a second before the navigation, and nothing of the harness run in the page; see coldLoad):
// - scripts: gzipped bytes (zlib level 6) of every script the page loads, split into the first load
//   (fetches started before the run button was usable) and what loads later without any interaction;
// - usable: ms from navigation start to the `run-button-usable` performance mark, set by an effect of the
//   run button (components/playground/run-button.tsx; the yardstick's form does the same): the button is
//   hydrated and its handlers are attached;
// - LCP (ms), TBT (ms: long tasks' time over 50 ms between first contentful paint and 1.5 s after load),
//   CLS (sum of layout shifts without recent input, until then);
// - main-thread CPU: in separate traced loads (--cpu-runs), the renderer main thread's CPU time (thread
//   time, not wall time) from navigation to the usable mark. Wall times on a shared machine swing with
//   whatever else runs; thread time barely does, so this is the figure to compare changes by;
// - TTFB: ms from navigation start to the document's first byte (the server's render is in it);
// - with --replay, client only: the same cold loads with every response the page asks for served from
//   memory (recorded from one load of the running server, in the browser through request interception,
//   for all three pages alike, after the real loads), so the servers' work (rendering, compressing,
//   serving chunks) is out of the figure. What is left is the browser's work plus the interception's own
//   round trips (one per request, bodies sent uncompressed), which weigh a little more on pages with more
//   requests. Requests missing from the recording go to the server and are counted. A diagnostic: the
//   budget is checked on the real loads.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { arg, assertPortFree, flag, launchChromium, median, NEXT_BIN, ROOT, run, spread, startNext } from "./lib.mjs";

const RUNS = Number(arg("runs", 11));
const MOBILE_RUNS = Number(arg("mobile-runs", 3));
const CPU_RUNS = Number(arg("cpu-runs", 5));
const APP_PORT = Number(process.env.BENCH_APP_PORT ?? 3431);
const YARD_PORT = Number(process.env.BENCH_YARDSTICK_PORT ?? 3432);
const VARIANT_PORT = Number(process.env.BENCH_VARIANT_PORT ?? 3434);
const VARIANT = arg("variant", null) && path.resolve(arg("variant"));
const MODEL = arg("model", null);
const GUIDE_PATH = MODEL ? `/models/${MODEL}` : "/";
const EMBED_PATH = `/embed/${MODEL ?? "nano-banana-2"}`;
const MARK = "run-button-usable";
/** How long a new tab rests before the navigation (see coldLoad). */
const SETTLE_MS = 1000;
const BUDGET = { guideKiB: 50, usableRatio: 1.3, cls: 0 };

// Before the build, which replaces what a server left on these ports would be serving.
await assertPortFree(APP_PORT);
await assertPortFree(YARD_PORT);
if (VARIANT) await assertPortFree(VARIANT_PORT);
if (!flag("no-build")) {
  console.log("Building the app and the yardstick…");
  // The app as it ships (`npm run build`: next build, then the compile hints); the yardstick as bare Next builds it.
  await run("npm", ["run", "build"]);
  await run(process.execPath, [NEXT_BIN, "build", "bench/yardstick"]);
  if (VARIANT) await run("npm", ["run", "build"], { cwd: VARIANT });
}

const app = await startNext({ port: APP_PORT, probe: "/api/health", env: { UPSTREAM_BASE_URL: "", UPSTREAM_API_KEY: "sk-bench-web" } });
const yard = await startNext({ dir: "bench/yardstick", port: YARD_PORT });
const variant = VARIANT
  ? await startNext({
      root: VARIANT,
      port: VARIANT_PORT,
      probe: "/api/health",
      env: { UPSTREAM_BASE_URL: "", UPSTREAM_API_KEY: "sk-bench-web" },
    })
  : null;
const pages = [
  { name: "yardstick", url: `${yard.base}/` },
  { name: "guide", url: `${app.base}${GUIDE_PATH}` },
  { name: "embed", url: `${app.base}${EMBED_PATH}` },
  ...(variant
    ? [
        { name: "guide*", url: `${variant.base}${GUIDE_PATH}` },
        { name: "embed*", url: `${variant.base}${EMBED_PATH}` },
      ]
    : []),
];

// Collected in the page from its first script on (buffered observers see entries from before, too).
const OBSERVE = () => {
  const w = window;
  w.__bench = { lcp: 0, cls: 0, longTasks: [] };
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) w.__bench.lcp = e.startTime;
  }).observe({ type: "largest-contentful-paint", buffered: true });
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) if (!e.hadRecentInput) w.__bench.cls += e.value;
  }).observe({ type: "layout-shift", buffered: true });
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) w.__bench.longTasks.push([e.startTime, e.duration]);
  }).observe({ type: "longtask", buffered: true });
};

const browser = await launchChromium();
const results = Object.fromEntries(pages.map((p) => [p.name, []]));
const cpu = Object.fromEntries(pages.map((p) => [p.name, []]));
const replayed = Object.fromEntries(pages.map((p) => [p.name, []]));
let replayMisses = 0;
/** Lighthouse mobile figures per page: arrays of { perf, tbt, cls, lcp, a11y, seo }. */
let mobile = null;
try {
  for (let i = 0; i < RUNS; i++) {
    // Interleaved, so that the machine's noise falls on all three alike.
    for (const p of pages) results[p.name].push(await loadOnce(p.url));
    process.stdout.write(`run ${i + 1}/${RUNS} done\n`);
  }
  for (let i = 0; i < CPU_RUNS; i++) {
    for (const p of pages) cpu[p.name].push(await mainThreadCpu(p.url));
    process.stdout.write(`traced run ${i + 1}/${CPU_RUNS} done\n`);
  }
  if (MOBILE_RUNS > 0)
    mobile = await mobileProfile(
      pages.filter((p) => !p.name.endsWith("*")),
      MOBILE_RUNS,
    );
  if (flag("replay")) {
    const recorded = new Map();
    for (const p of pages) await record(p.url, recorded);
    for (let i = 0; i < RUNS; i++) {
      for (const p of pages) replayed[p.name].push(await replayOnce(p.url, recorded));
      process.stdout.write(`client-only run ${i + 1}/${RUNS} done\n`);
    }
  }
} finally {
  await browser.close();
  await app.stop();
  await yard.stop();
  await variant?.stop();
}

/**
 * A cold load of `url` in a fresh browser context (empty cache), until the run button is usable.
 * `prepare(context, page)` runs before the navigation (routes, listeners, tracing). The caller closes the context.
 *
 * Two things keep the harness out of the figure (measured, see docs/performance-notes.md):
 * - The new tab rests for SETTLE_MS before the navigation. Right after `newPage()` returns, the browser is
 *   still starting the tab's renderer processes (about 170 ms of renderer CPU in the next second on this
 *   2-core machine); a navigation started at once shares the cores with that start-up. A person's browser
 *   has its tab at rest when they open the page.
 * - The page says when the mark is set (an observer installed before its first script logs to the console,
 *   which reaches us over the DevTools protocol). `page.waitForFunction` would instead inject Playwright's
 *   selector engine into the page and poll it every frame, and since every page's load event fires before
 *   its button is hydrated, that script ran on the main thread the page was hydrating on.
 */
async function coldLoad(url, prepare = async () => {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript((mark) => {
    new PerformanceObserver((list) => list.getEntriesByName(mark).length && console.debug(`bench:${mark}`)).observe({
      type: "mark",
      buffered: true,
    });
  }, MARK);
  await prepare(context, page);
  await new Promise((r) => setTimeout(r, SETTLE_MS));
  await Promise.all([
    page.waitForEvent("console", { predicate: (m) => m.text() === `bench:${MARK}`, timeout: 30_000 }),
    page.goto(url, { waitUntil: "load" }),
  ]);
  return { context, page };
}

/** One traced cold load: CPU time of the renderer's main thread (trace events' thread time) until the mark. */
async function mainThreadCpu(url) {
  const { context } = await coldLoad(url, (_, page) =>
    browser.startTracing(page, { categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "blink.user_timing"] }),
  );
  const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
  await context.close();
  // From this document's navigation to the mark, both as the trace saw them, on the main thread that parsed it.
  const parse = events.find((e) => e.name === "ParseHTML" && e.args?.beginData?.url === url) ?? events.find((e) => e.name === "ParseHTML");
  const nav = events.find(
    (e) =>
      e.name === "navigationStart" && e.pid === parse.pid && e.args?.data?.documentLoaderURL === url && e.args?.data?.isLoadingMainFrame,
  );
  const mark = events.find((e) => e.name === MARK && e.pid === parse.pid);
  if (!nav || !mark) throw new Error(`the trace of ${url} lacks its navigationStart or the ${MARK} mark`);
  const tasks = events.filter(
    (e) => e.pid === parse.pid && e.tid === parse.tid && e.ph === "X" && e.name === "RunTask" && e.ts >= nav.ts && e.ts < mark.ts,
  );
  if (!tasks.length || tasks.some((t) => t.tdur === undefined))
    throw new Error("the trace has no thread times (tdur) for the main thread's tasks");
  return tasks.reduce((sum, t) => sum + t.tdur, 0) / 1000;
}

/** One load of `url` from the running server, every response of its origin kept (status, headers, body). */
async function record(url, into) {
  const origin = new URL(url).origin;
  const pending = [];
  const { context, page } = await coldLoad(url, async (_, page) => {
    page.on("response", (res) => {
      if (!res.url().startsWith(origin) || res.status() >= 300) return;
      pending.push(
        res.body().then(
          (body) => into.set(res.url(), { status: res.status(), headers: res.headers(), body }),
          () => {},
        ),
      );
    });
  });
  await page.waitForTimeout(1500);
  await Promise.all(pending);
  await context.close();
}

/** A cold load with the recorded responses served from memory; the time to a usable run button. */
async function replayOnce(url, recorded) {
  const { context, page } = await coldLoad(url, (context) =>
    context.route("**/*", (route) => {
      const hit = recorded.get(route.request().url());
      if (!hit) {
        replayMisses++;
        return route.continue();
      }
      // The body is stored decoded: drop the headers that described the encoded transfer.
      const headers = Object.fromEntries(
        Object.entries(hit.headers).filter(([k]) => !["content-encoding", "content-length", "transfer-encoding"].includes(k)),
      );
      return route.fulfill({ status: hit.status, headers, body: hit.body });
    }),
  );
  const usable = await page.evaluate((m) => performance.getEntriesByName(m)[0].startTime, MARK);
  await context.close();
  return usable;
}

async function loadOnce(url) {
  // The script responses are only noted during the load; their bodies are read (over the DevTools
  // protocol) after the measurement, so that reading them does not compete with the page being measured.
  const responses = [];
  const { context, page } = await coldLoad(url, async (_, page) => {
    await page.addInitScript(OBSERVE);
    page.on("response", (res) => {
      if (res.request().resourceType() === "script") responses.push(res);
    });
  });
  await page.waitForTimeout(1500);
  const m = await page.evaluate((mark) => {
    const usable = performance.getEntriesByName(mark)[0].startTime;
    const ttfb = performance.getEntriesByType("navigation")[0].responseStart;
    const fcp = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? 0;
    const tbt = window.__bench.longTasks.filter(([s]) => s >= fcp).reduce((t, [, d]) => t + Math.max(0, d - 50), 0);
    const starts = performance
      .getEntriesByType("resource")
      .filter((e) => e.initiatorType === "script" || e.name.endsWith(".js"))
      .map((e) => [e.name, e.startTime]);
    return { usable, ttfb, fcp, lcp: window.__bench.lcp, cls: window.__bench.cls, tbt, starts };
  }, MARK);
  const scripts = new Map();
  // Only what had loaded by the end of the measurement (chunks fetched while reading bodies do not count).
  for (const res of responses.slice()) {
    try {
      scripts.set(res.url(), gzipSync(await res.body(), { level: 6 }).length);
    } catch {}
  }
  await context.close();
  let first = 0;
  let later = 0;
  const start = new Map(m.starts);
  for (const [u, gz] of scripts) {
    if ((start.get(u) ?? Infinity) <= m.usable) first += gz;
    else later += gz;
  }
  return {
    usable: m.usable,
    ttfb: m.ttfb,
    lcp: m.lcp,
    tbt: m.tbt,
    cls: m.cls,
    firstKiB: first / 1024,
    laterKiB: later / 1024,
    scripts: scripts.size,
  };
}

const col = (rs, k) => rs.map((r) => r[k]);
/** A difference with its sign: +3, −6. */
const signed = (x, digits = 0) => {
  const r = Number(x.toFixed(digits));
  return `${r < 0 ? "−" : "+"}${Math.abs(r).toFixed(digits)}`;
};
const y = results.yardstick;
console.log(`\nbench:web — ${RUNS} cold loads per page, interleaved; median [min–max]. Shared machine: times are noisy, bytes are not.\n`);
if (VARIANT) console.log(`guide* and embed*: the variant in ${VARIANT}\n`);
for (const p of pages) {
  const rs = results[p.name];
  console.log(`${p.name.padEnd(9)} ${p.url}`);
  console.log(
    `  scripts, first load   ${spread(col(rs, "firstKiB"), 1, " KiB")} gz   (${signed(median(col(rs, "firstKiB")) - median(col(y, "firstKiB")), 1)} KiB vs yardstick, ×${(median(col(rs, "firstKiB")) / median(col(y, "firstKiB"))).toFixed(2)})`,
  );
  console.log(`  scripts, loaded later ${spread(col(rs, "laterKiB"), 1, " KiB")} gz   (after the button is usable, no interaction)`);
  console.log(
    `  run button usable     ${spread(col(rs, "usable"), 0, " ms")}   (×${(median(col(rs, "usable")) / median(col(y, "usable"))).toFixed(2)} vs yardstick)`,
  );
  console.log(
    `  document TTFB         ${spread(col(rs, "ttfb"), 0, " ms")}   (${signed(median(col(rs, "ttfb")) - median(col(y, "ttfb")))} ms vs yardstick)`,
  );
  console.log(
    `  LCP                   ${spread(col(rs, "lcp"), 0, " ms")}   (×${(median(col(rs, "lcp")) / median(col(y, "lcp"))).toFixed(2)})`,
  );
  console.log(`  TBT                   ${spread(col(rs, "tbt"), 0, " ms")}`);
  console.log(`  CLS                   ${spread(col(rs, "cls"), 3)}`);
  if (replayed[p.name]?.length)
    console.log(
      `  usable, client only   ${spread(replayed[p.name], 0, " ms")}   (×${(median(replayed[p.name]) / median(replayed.yardstick)).toFixed(2)}; responses replayed from memory, diagnostic)`,
    );
  if (cpu[p.name]?.length)
    console.log(
      `  main-thread CPU       ${spread(cpu[p.name], 0, " ms")}   (${signed(median(cpu[p.name]) - median(cpu.yardstick))} ms vs yardstick; traced loads, thread time until usable)`,
    );
}
if (flag("replay"))
  console.log(`\nClient-only loads: ${replayMisses} request${replayMisses === 1 ? "" : "s"} not in the recording went to the servers.`);

const extra = (name) => median(col(results[name], "firstKiB")) - median(col(y, "firstKiB"));
const ratio = (name) => median(col(results[name], "usable")) / median(col(y, "usable"));
const checks = [
  [`guide: first-load scripts ≤ yardstick + ${BUDGET.guideKiB} KiB`, extra("guide") <= BUDGET.guideKiB, `${signed(extra("guide"), 1)} KiB`],
  ["embed: first-load scripts below the guide's", extra("embed") < extra("guide"), `${signed(extra("embed"), 1)} KiB`],
  ...["guide", "embed"].map((n) => [
    `${n}: run button usable ≤ ${BUDGET.usableRatio}× yardstick`,
    ratio(n) <= BUDGET.usableRatio,
    `×${ratio(n).toFixed(2)}`,
  ]),
  ...["guide", "embed"].map((n) => [
    `${n}: CLS = 0`,
    Math.max(...col(results[n], "cls")) === BUDGET.cls,
    `max ${Math.max(...col(results[n], "cls")).toFixed(4)}`,
  ]),
];
if (variant) {
  console.log("\nThe variant against this checkout (same rounds; paired = median of the per-round differences)");
  for (const n of ["guide", "embed"]) {
    const [a, b] = [results[n], results[`${n}*`]];
    const paired = (k) => median(col(a, k).map((x, i) => b[i][k] - x));
    console.log(
      `  ${`${n}*`.padEnd(7)} usable ${signed(paired("usable"))} ms paired (×${ratio(n).toFixed(2)} → ×${ratio(`${n}*`).toFixed(2)}), ` +
        `TTFB ${signed(paired("ttfb"))} ms paired, first load ${signed(extra(`${n}*`) - extra(n), 1)} KiB, ` +
        `main-thread CPU ${signed(median(cpu[`${n}*`] ?? [NaN]) - median(cpu[n] ?? [NaN]))} ms`,
    );
  }
}

if (mobile) {
  const m = (name, k) => median(mobile[name].map((r) => r[k]));
  console.log(
    `\nMobile (Lighthouse 12.2.3 default mobile: simulated slow 4G, 4× CPU slowdown, phone viewport; ${MOBILE_RUNS} loads each, medians)`,
  );
  for (const p of Object.keys(mobile)) {
    const tbtRatio = m(p, "tbt") / Math.max(m("yardstick", "tbt"), 1);
    console.log(
      `${p.padEnd(9)} performance ${m(p, "perf")}   TBT ${spread(
        mobile[p].map((r) => r.tbt),
        0,
        " ms",
      )}` +
        `${p === "yardstick" ? "" : ` (×${tbtRatio.toFixed(2)} vs yardstick)`}   CLS ${m(p, "cls").toFixed(3)}   LCP ${m(p, "lcp")} ms` +
        `   accessibility ${m(p, "a11y")}   SEO ${m(p, "seo")}${p === "embed" ? " (without is-crawlable)" : ""}`,
    );
  }
  console.log("Mobile targets (issue #22; reported, not part of the exit code)");
  for (const n of ["guide", "embed"]) {
    const tbtRatio = m(n, "tbt") / Math.max(m("yardstick", "tbt"), 1);
    console.log(`  ${m(n, "perf") >= 95 ? "PASS" : "FAIL"}  ${n}: performance ≥ 95  (${m(n, "perf")})`);
    console.log(`  ${tbtRatio <= 1.5 ? "PASS" : "FAIL"}  ${n}: TBT ≤ 1.5× yardstick  (×${tbtRatio.toFixed(2)})`);
    console.log(
      `  ${Math.max(...mobile[n].map((r) => r.cls)) === 0 ? "PASS" : "FAIL"}  ${n}: CLS = 0  (max ${Math.max(...mobile[n].map((r) => r.cls)).toFixed(4)})`,
    );
  }
}

console.log("\nBudget");
for (const [what, ok, value] of checks) console.log(`  ${ok ? "PASS" : "FAIL"}  ${what}  (${value})`);

if (flag("write-baseline")) {
  const file = path.join(ROOT, "bench/yardstick-baseline.json");
  const version = (name) => JSON.parse(readFileSync(path.join(ROOT, "node_modules", name, "package.json"), "utf8")).version;
  const baseline = {
    firstLoadKiB: Number(median(col(y, "firstKiB")).toFixed(1)),
    next: version("next"),
    react: version("react"),
    measuredAt: new Date().toISOString().slice(0, 10),
  };
  writeFileSync(file, `${JSON.stringify(baseline, null, 2)}\n`);
  console.log(`Baseline written: ${path.relative(ROOT, file)} (${baseline.firstLoadKiB} KiB)`);
}

const out = arg("json", path.join(ROOT, ".bench/web.json"));
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify({ runs: RUNS, at: new Date().toISOString(), results, cpu, replayed, mobile, checks }, null, 2));
console.log(`\nRaw figures: ${path.relative(ROOT, out)}`);
process.exitCode = checks.every(([, ok]) => ok) ? 0 : 1;

/** Lighthouse's default (mobile) run of each page, `runs` times interleaved, in a Chromium of its own. */
async function mobileProfile(list, runs) {
  const { default: lighthouse } = await import("lighthouse");
  const { launch } = await import("chrome-launcher");
  const chrome = await launch({
    chromePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    chromeFlags: [
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const out = Object.fromEntries(list.map((p) => [p.name, []]));
  try {
    for (let i = 0; i < runs; i++) {
      for (const p of list) {
        const { lhr } = await lighthouse(p.url, {
          port: chrome.port,
          output: "json",
          logLevel: "error",
          onlyCategories: ["performance", "accessibility", "seo"],
        });
        const score = (c) => Math.round((lhr.categories[c]?.score ?? 0) * 100);
        // The embed is noindex on purpose: its SEO score is every other SEO audit's.
        const seoRefs = lhr.categories.seo.auditRefs.filter((r) => r.weight > 0 && !(p.name === "embed" && r.id === "is-crawlable"));
        const seo = Math.round(
          (100 * seoRefs.reduce((a, r) => a + r.weight * (lhr.audits[r.id].score ?? 1), 0)) / seoRefs.reduce((a, r) => a + r.weight, 0),
        );
        out[p.name].push({
          perf: score("performance"),
          tbt: Math.round(lhr.audits["total-blocking-time"].numericValue),
          cls: Number(lhr.audits["cumulative-layout-shift"].numericValue.toFixed(4)),
          lcp: Math.round(lhr.audits["largest-contentful-paint"].numericValue),
          a11y: score("accessibility"),
          seo,
        });
      }
      process.stdout.write(`mobile run ${i + 1}/${runs} done\n`);
    }
  } finally {
    await chrome.kill();
  }
  return out;
}
