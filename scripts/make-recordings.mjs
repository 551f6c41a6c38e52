#!/usr/bin/env node
/**
 * Makes the recordings shipped with the project: one run per mode of a model, recorded on the embedded
 * simulator exactly the way a reader makes one. It starts the built app (`npm run build` first) on the
 * simulator, opens the model's guide in Chromium, fills each mode's form (uploading the media fixtures of
 * e2e/fixtures through the form), runs it, waits for the video, clicks "Save as recording" and keeps the
 * two downloads as `public/recordings/<model>/<mode>.json` and `<mode>.mp4` (the JSON's `video.file`
 * renamed to match). The guide's "See a recorded run" and the embed's `recording=<mode>` play them.
 *
 *   node scripts/make-recordings.mjs [--model nano-banana-2] [--port 3712] [--out public/recordings]
 *
 * The simulator runs at its default pace (queued 1.5 s, then 1 s per second of video), so a recording
 * replays at the pace a real upstream's answers come in on the simulator. Input media URLs in a recorded
 * request are the recording server's own (its simulator's uploads): they are shown as they were, and do
 * not resolve elsewhere, so "Run it yourself" leaves those fields empty and asks for the reader's own files
 * (lib/recordings/runnable.ts).
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";

const { values: args } = parseArgs({
  options: {
    model: { type: "string", default: "nano-banana-2" },
    port: { type: "string", default: "3712" },
    out: { type: "string", default: "public/recordings" },
  },
});
const ROOT = process.cwd();
const BASE = `http://127.0.0.1:${args.port}`;
const fixture = (name) => path.join(ROOT, "e2e/fixtures", name);

/** What each mode is run with: a prompt and the media its form asks for (field label → fixture). */
const RUNS = {
  "text-to-video": { label: "Text-to-Video", prompt: "A paper boat drifting down a rain gutter at dusk", uploads: [] },
  "image-to-video": {
    label: "Image-to-Video",
    prompt: "The still comes alive with a slow push in",
    uploads: [["First-frame image", "still.png"]],
  },
  r2v: {
    label: "R2V",
    prompt: "A product turntable in soft studio light",
    uploads: [
      ["Reference image 1", "ref-1.jpg"],
      ["Reference image 2", "ref-2.jpg"],
      ["Reference image 3", "ref-3.jpg"],
    ],
  },
  "video-edit": { label: "Video Edit", prompt: "Make it look like a faded film print", uploads: [["Source video", "source.mp4"]] },
};

if (!existsSync(path.join(ROOT, ".next/BUILD_ID"))) {
  console.error("No build: run `npm run build` first.");
  process.exit(1);
}

const dataDir = mkdtempSync(path.join(os.tmpdir(), "recordings-sim-"));
// The simulator in the task contract's dialect at its default pace, whatever this shell has set.
const env = { ...process.env, UPSTREAM_BASE_URL: "", PLAYGROUND_ACCESS_TOKEN: "", REDIS_URL: "", SIMULATOR_DATA_DIR: dataDir };
for (const name of ["UPSTREAM_DIALECT", "SIMULATOR_QUEUE_MS", "SIMULATOR_RUN_MS_PER_SECOND", "SIMULATOR_BASE_URL"]) delete env[name];
const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", args.port, "-H", "127.0.0.1"], {
  stdio: ["ignore", "ignore", "inherit"],
  env,
});
const stop = () => {
  server.kill("SIGTERM");
  rmSync(dataDir, { recursive: true, force: true });
};

async function waitForHealth() {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the app did not start on ${BASE}`);
}

function browserOptions() {
  const system = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
  let bundled = "";
  try {
    bundled = chromium.executablePath();
  } catch {}
  if (bundled && existsSync(bundled)) return {};
  return {
    executablePath: system,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
    ],
  };
}

try {
  await waitForHealth();
  const browser = await chromium.launch(browserOptions());
  const page = await browser.newPage({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  const outDir = path.join(ROOT, args.out, args.model);
  mkdirSync(outDir, { recursive: true });
  const modes = Object.keys(RUNS);
  for (const mode of modes) {
    const run = RUNS[mode];
    await page.goto(`${BASE}/models/${args.model}`);
    const modes = page.getByRole("group", { name: "Generation mode" });
    if ((await modes.getByText(run.label, { exact: true }).count()) === 0) continue;
    await modes.getByText(run.label, { exact: true }).click();
    await page.getByRole("textbox", { name: /prompt/i }).fill(run.prompt);
    for (const [label, file] of run.uploads) {
      await page.getByLabel(`Upload ${label.toLowerCase()}`).setInputFiles(fixture(file));
      await page
        .getByRole("img", { name: `Preview of the ${label.toLowerCase()}` })
        .or(page.getByLabel(`Preview of the ${label.toLowerCase()}`))
        .waitFor();
    }
    await page.getByRole("button", { name: /run task/i }).click();
    await page
      .getByRole("status", { name: "Task status" })
      .filter({ hasText: /^succeeded$/ })
      .waitFor({ timeout: 120_000 });
    const downloads = [];
    page.on("download", (d) => downloads.push(d));
    await page.getByRole("button", { name: "Save as recording" }).click();
    for (let i = 0; i < 100 && downloads.length < 2; i++) await page.waitForTimeout(100);
    if (downloads.length < 2) throw new Error(`${mode}: expected the JSON and the MP4, got ${downloads.length} download(s)`);
    const json = downloads.find((d) => d.suggestedFilename().endsWith(".json"));
    const mp4 = downloads.find((d) => d.suggestedFilename().endsWith(".mp4"));
    const saved = JSON.parse(readFileSync(await json.path(), "utf8"));
    saved.video.file = `${mode}.mp4`;
    writeFileSync(path.join(outDir, `${mode}.json`), `${JSON.stringify(saved, null, 2)}\n`);
    await mp4.saveAs(path.join(outDir, `${mode}.mp4`));
    page.removeAllListeners("download");
    const size = (f) => `${(statSync(path.join(outDir, f)).size / 1024).toFixed(0)} KiB`;
    console.log(`${args.model}/${mode}: ${saved.exchanges.length} exchanges, json ${size(`${mode}.json`)}, mp4 ${size(`${mode}.mp4`)}`);
  }
  await browser.close();
} finally {
  stop();
}
