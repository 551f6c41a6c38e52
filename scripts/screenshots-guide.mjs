#!/usr/bin/env node
import { mkdirSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
// Screenshots of the guide page (English and Russian, light and dark) and of the embed, for looking at
// changes. Usage: node scripts/screenshots-guide.mjs [baseUrl] [outDir]   (the app must be running)
import { FULL_PAGE_SHOT_STYLE, launchChromium } from "../bench/lib.mjs";

const base = process.argv[2] ?? "http://localhost:3000";
const out = process.argv[3] ?? ".data/shots";
mkdirSync(out, { recursive: true });
const browser = await launchChromium();
for (const scheme of ["light", "dark"]) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, colorScheme: scheme });
  const shot = async (name, full = true) => {
    const file = path.join(out, `${name}-${scheme}.png`);
    await page.screenshot({ path: file, fullPage: full, style: FULL_PAGE_SHOT_STYLE });
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
// The embed inside a host page of another origin, with the exact code the Embed dialog gives. The app
// must list http://127.0.0.1:$HOST_PORT in EMBED_ALLOWED_ORIGINS.
const hostPort = Number(process.env.HOST_PORT ?? 4202);
let hostHtml = "";
const host = createServer((_, res) => res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(hostHtml));
await new Promise((r) => host.listen(hostPort, "127.0.0.1", r));
for (const scheme of ["light", "dark"]) {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 }, colorScheme: scheme });
  await page.goto(base);
  await page.getByRole("textbox", { name: /prompt/i }).fill("A lighthouse in a storm, waves crashing");
  await page.getByRole("button", { name: "Embed" }).click();
  await page
    .getByRole("dialog")
    .getByText(scheme === "dark" ? "Dark" : "Light", { exact: true })
    .click();
  const code = await page.getByRole("textbox", { name: "Embed code" }).inputValue();
  hostHtml = `<!doctype html><html><body style="margin:0 auto;max-width:1000px;padding:16px;font-family:sans-serif;background:${scheme === "dark" ? "#222" : "#f4f1ea"};color:${scheme === "dark" ? "#eee" : "#222"}"><h1>Some documentation site</h1><p>The playground below is an iframe sized by its own messages.</p>${code}<p>Text after the embed.</p></body></html>`;
  await page.goto(`http://127.0.0.1:${hostPort}/`);
  await page
    .frameLocator("iframe")
    .getByRole("button", { name: /run task/i })
    .click();
  await page
    .frameLocator("iframe")
    .getByRole("status", { name: "Task status" })
    .filter({ hasText: "succeeded" })
    .waitFor({ timeout: 60_000 });
  await page.waitForTimeout(1500);
  const file = path.join(out, `embed-in-host-${scheme}.png`);
  await page.screenshot({ path: file, fullPage: true, style: FULL_PAGE_SHOT_STYLE });
  console.log(`wrote ${file}`);
  await page.close();
}
host.close();
await browser.close();
