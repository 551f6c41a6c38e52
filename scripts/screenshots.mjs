#!/usr/bin/env node
import { mkdirSync } from "node:fs";
import path from "node:path";
// Takes screenshots of the playground in its main states, for the README and for looking at changes.
// Usage: node scripts/screenshots.mjs [baseUrl] [outDir]   (the app must be running)
import { FULL_PAGE_SHOT_STYLE, launchChromium } from "../bench/lib.mjs";

const base = process.argv[2] ?? "http://localhost:3000";
const out = process.argv[3] ?? ".data/shots";
mkdirSync(out, { recursive: true });
const fixture = (f) => path.resolve("e2e/fixtures", f);
const browser = await launchChromium();
const scheme = process.env.SCHEME ?? "light";
const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, colorScheme: scheme });
const shot = async (name) => {
  await page.screenshot({ path: path.join(out, `${name}-${scheme}.png`), fullPage: true, style: FULL_PAGE_SHOT_STYLE });
  console.log(`wrote ${path.join(out, `${name}-${scheme}.png`)}`);
};
const waitVideo = () =>
  page
    .getByRole("status", { name: "Task status" })
    .filter({ hasText: "succeeded" })
    .waitFor({ timeout: 60_000 })
    .then(() => page.waitForTimeout(1500));

await page.goto(base);
await shot("01-empty");
await page.getByRole("textbox", { name: /prompt/i }).fill("x".repeat(2001));
await shot("02-invalid");
await page.getByRole("textbox", { name: /prompt/i }).fill("A cinematic city sunrise with soft fog and moving traffic.");
await page.getByRole("button", { name: /run task/i }).click();
await page.waitForTimeout(2500);
await shot("03-running");
await waitVideo();
await shot("04-t2v-done");

await page.getByRole("group", { name: "Generation mode" }).getByText("Image-to-Video", { exact: true }).click();
await page.getByRole("group", { name: "Aspect ratio" }).getByText("9:16", { exact: true }).click();
await page.getByLabel("Upload first-frame image").setInputFiles(fixture("still.png"));
await page.waitForTimeout(800);
await page.getByRole("button", { name: /run task/i }).click();
await waitVideo();
await shot("05-i2v-done");

await page.getByRole("group", { name: "Generation mode" }).getByText("R2V", { exact: true }).click();
await page.getByRole("group", { name: "Aspect ratio" }).getByText("16:9", { exact: true }).click();
for (const [i, f] of ["ref-1.jpg", "ref-2.jpg"].entries()) {
  await page.getByLabel(`Upload reference image ${i + 1}`).setInputFiles(fixture(f));
  await page.waitForTimeout(600);
}
await shot("06-r2v-two");
await page.getByLabel("Upload reference image 3").setInputFiles(fixture("ref-3.jpg"));
await page.waitForTimeout(600);
await page.getByRole("button", { name: /run task/i }).click();
await waitVideo();
await shot("07-r2v-done");

await page.getByRole("group", { name: "Generation mode" }).getByText("Video Edit", { exact: true }).click();
await page.getByLabel("Upload source video").setInputFiles(fixture("source.mp4"));
await page.waitForTimeout(800);
await page.getByRole("button", { name: /run task/i }).click();
await waitVideo();
await shot("08-edit-done");
await browser.close();
