#!/usr/bin/env node
// Screenshots of the guide page (English and Russian, light and dark) and of the embed, for looking at
// changes. Usage: node scripts/screenshots-guide.mjs [baseUrl] [outDir]   (the app must be running)
import { chromium } from "playwright";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";

const base = process.argv[2] ?? "http://localhost:3000";
const out = process.argv[3] ?? ".data/shots";
mkdirSync(out, { recursive: true });
let executablePath;
try {
  if (!existsSync(chromium.executablePath())) executablePath = "/usr/bin/chromium";
} catch {
  executablePath = "/usr/bin/chromium";
}
const browser = await chromium.launch({
  executablePath,
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
for (const scheme of ["light", "dark"]) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, colorScheme: scheme });
  const shot = async (name, full = true) => {
    const file = path.join(out, `${name}-${scheme}.png`);
    await page.screenshot({ path: file, fullPage: full });
    console.log(`wrote ${file}`);
  };
  await page.goto(base);
  await shot("guide-en");
  await page.goto(`${base}/ru`);
  await shot("guide-ru", false);
  await page.goto(`${base}/embed/nano-banana-2?mode=r2v&prompt=A%20product%20turntable&duration=10&aspect_ratio=9:16`);
  await shot("embed");
  await page.goto(`${base}/embed/nano-banana-2?duration=5&theme=pink&panels=form`);
  await shot("embed-notes");
  await page.goto(base);
  await page.getByRole("textbox", { name: /prompt/i }).fill("A cinematic city sunrise with soft fog and moving traffic.");
  await page.getByRole("button", { name: "Embed" }).click();
  await shot("embed-dialog", false);
  await page.close();
}
await browser.close();
