import { expect, type FrameLocator, type Page, test } from "@playwright/test";
import { embedPath } from "../lib/embed/snippet";
import { nanoBanana2 } from "../lib/models/nano-banana-2";
import { specMessages } from "../lib/spec/model-spec";
import { EMBED_HOST_ALLOWED, EMBED_HOST_PORT, EMBED_HOST_REFUSED } from "../playwright.config";

/** The embed docs pages already use: nano-banana-2's. */
const EMBED_PATH = embedPath(nanoBanana2.id);
const MESSAGES = specMessages(nanoBanana2);

import { startEmbedHost } from "./embed-host";

let host: Awaited<ReturnType<typeof startEmbedHost>>;
test.beforeAll(async () => {
  host = await startEmbedHost(EMBED_HOST_PORT);
});
test.afterAll(async () => {
  await host?.close();
});

function hostUrl(hostOrigin: string, appOrigin: string, path: string) {
  return `${hostOrigin}/host?src=${encodeURIComponent(appOrigin + path)}`;
}

/** The iframe's height in the host, and the embed document's own content height and scroll state. */
async function sizes(page: Page) {
  const iframeHeight = await page.locator("iframe").evaluate((f) => f.getBoundingClientRect().height);
  const frame = page.frames().find((f) => f.url().includes(EMBED_PATH))!;
  const inner = await frame.evaluate(() => ({
    content: Math.ceil(document.body.getBoundingClientRect().height),
    scrolls: document.documentElement.scrollHeight > document.documentElement.clientHeight,
  }));
  return { iframeHeight, ...inner };
}

async function expectFitted(page: Page) {
  await expect
    .poll(async () => {
      const s = await sizes(page);
      return Math.abs(s.iframeHeight - s.content) <= 1 && !s.scrolls;
    })
    .toBe(true);
  return sizes(page);
}

test("an invalid preset on a phone: the notes wrap, the prompt is kept (and said to be) while the rest is ignored", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const long = "x".repeat(2100);
  await page.goto(`/embed/nano-banana-2?mode=r2v&duration=5&prompt=${long}`);
  const ignored = page.getByRole("note", { name: "Ignored embed parameters" });
  await expect(ignored).toContainText("duration=5");
  await expect(ignored).not.toContainText("prompt=");
  const kept = page.getByRole("note", { name: "Embed parameters kept but not valid yet" });
  await expect(kept).toContainText("prompt is 2100 characters; the limit is 2000 characters.");
  await expect(page.getByRole("textbox", { name: /prompt/i })).toHaveValue(long);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test.describe("the embed, framed by another origin", () => {
  test("takes its preset, resizes itself to its content and runs a task", async ({ page, baseURL }) => {
    const preset = "?mode=text-to-video&prompt=A%20lighthouse%20in%20a%20storm&duration=10&aspect_ratio=9:16&theme=dark";
    await page.goto(hostUrl(EMBED_HOST_ALLOWED, baseURL!, EMBED_PATH + preset));
    const embed: FrameLocator = page.frameLocator("iframe");
    await expect(embed.getByRole("button", { name: /run task/i })).toBeEnabled();
    // Chrome-less: the guide's sections are not there; the preset is.
    await expect(embed.getByRole("heading", { name: "Parameters" })).toHaveCount(0);
    await expect(embed.getByRole("textbox", { name: /prompt/i })).toHaveValue("A lighthouse in a storm");
    await expect(embed.getByRole("radio", { name: /10 s/ })).toBeChecked();
    await expect(embed.getByRole("radio", { name: /9:16/ })).toBeChecked();
    await expect(embed.locator("html")).toHaveAttribute("data-theme", "dark");

    const before = await expectFitted(page);
    expect(before.iframeHeight).not.toBe(640); // the snippet's initial height was replaced by the content's

    // The content grows: the iframe follows, still without a scrollbar.
    await embed.getByRole("button", { name: /run task/i }).click();
    await expect(embed.getByRole("status", { name: "Task status" })).toHaveText("succeeded", { timeout: 60_000 });
    await expect(embed.getByLabel("Rendered video")).toBeVisible();
    const after = await expectFitted(page);
    expect(after.iframeHeight).toBeGreaterThan(before.iframeHeight + 100);
    // The host's own content moved down with it.
    const afterText = await page.locator("#after").evaluate((p) => p.getBoundingClientRect().top + window.scrollY);
    expect(afterText).toBeGreaterThan(after.iframeHeight);

    // The host can switch the embed's theme.
    await page.evaluate(() =>
      document.querySelector("iframe")!.contentWindow!.postMessage({ type: "nano-banana-2:theme", theme: "light" }, "*"),
    );
    await expect(embed.locator("html")).toHaveAttribute("data-theme", "light");
  });

  test("ignores invalid preset values with a note and keeps working; shows only the chosen panels", async ({ page, baseURL }) => {
    await page.goto(hostUrl(EMBED_HOST_ALLOWED, baseURL!, `${EMBED_PATH}?mode=r2v&duration=5&panels=form`));
    const embed = page.frameLocator("iframe");
    const note = embed.getByRole("note", { name: "Ignored embed parameters" });
    await expect(note).toContainText("duration=5");
    await expect(note).toContainText(MESSAGES.duration);
    await expect(embed.getByRole("radio", { name: "R2V", exact: true })).toBeChecked();
    await expect(embed.getByRole("heading", { name: "Output" })).toHaveCount(0);
    await expectFitted(page);
  });

  test("the guide's Embed button gives the code for the current configuration, and that code works", async ({ page, baseURL }) => {
    await page.goto("/");
    await page.getByRole("group", { name: "Generation mode" }).getByText("R2V", { exact: true }).click();
    await page.getByRole("textbox", { name: /prompt/i }).fill("Turntable & soft light");
    await page.getByRole("group", { name: "Duration" }).getByText("10 s", { exact: true }).click();
    await page.getByRole("button", { name: "Embed", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "Embed this playground" });
    await dialog.getByRole("radio", { name: "Dark" }).check();
    await dialog.getByRole("checkbox", { name: "Output" }).uncheck();
    // The script tag first; the iframe (and its resize listener) as the fallback.
    const tagBox = dialog.getByRole("textbox", { name: "Embed code (one script tag)" });
    await expect(tagBox).toHaveValue(/^<script /);
    const tag = await tagBox.inputValue();
    const attrs = Object.fromEntries([...tag.matchAll(/ (data-[\w-]+)="([^"]*)"/g)].map((m) => [m[1], m[2].replace(/&amp;/g, "&")]));
    expect(attrs).toEqual({
      "data-model": "nano-banana-2",
      "data-mode": "r2v",
      "data-prompt": "Turntable & soft light",
      "data-duration": "10",
      "data-aspect-ratio": "16:9",
      "data-resolution": "720P",
      "data-theme": "dark",
      "data-panels": "form",
    });
    await dialog.getByText(/^Or, where your pages cannot load a script/).click();
    const code = await dialog.getByRole("textbox", { name: "Embed code (iframe)" }).inputValue();
    const src = /<iframe src="([^"]+)"/.exec(code)![1].replace(/&amp;/g, "&");
    const url = new URL(src);
    expect(url.origin + url.pathname).toBe(new URL(EMBED_PATH, baseURL).href);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      mode: "r2v",
      prompt: "Turntable & soft light",
      duration: "10",
      aspect_ratio: "16:9",
      resolution: "720P",
      theme: "dark",
      panels: "form",
    });
    expect(code).toContain("nano-banana-2:resize");

    await page.goto(hostUrl(EMBED_HOST_ALLOWED, baseURL!, src.slice(new URL(src).origin.length)));
    const embed = page.frameLocator("iframe");
    await expect(embed.getByRole("radio", { name: "R2V", exact: true })).toBeChecked();
    await expect(embed.getByRole("textbox", { name: /prompt/i })).toHaveValue("Turntable & soft light");
    await expect(embed.getByRole("heading", { name: "Output" })).toHaveCount(0);
    await expect(embed.locator("html")).toHaveAttribute("data-theme", "dark");
    await expectFitted(page);
  });

  test("a page of a non-allowed origin cannot frame it, and no origin can frame the guide", async ({ page, baseURL }) => {
    const refused: string[] = [];
    page.on("console", (msg) => {
      if (/frame-ancestors|Refused to frame|refused to connect/i.test(msg.text())) refused.push(msg.text());
    });
    await page.goto(hostUrl(EMBED_HOST_REFUSED, baseURL!, EMBED_PATH));
    await expect.poll(() => refused.length).toBeGreaterThan(0);
    await expect(page.frameLocator("iframe").getByRole("button", { name: /run task/i })).toHaveCount(0);
    expect(page.frames().some((f) => f !== page.mainFrame() && f.url().includes(EMBED_PATH) && f.url().startsWith("http"))).toBe(false);

    refused.length = 0;
    await page.goto(hostUrl(EMBED_HOST_ALLOWED, baseURL!, "/"));
    await expect.poll(() => refused.length).toBeGreaterThan(0);
    await expect(page.frameLocator("iframe").getByRole("heading", { level: 1 })).toHaveCount(0);
  });
});
