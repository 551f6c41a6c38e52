import { expect, type FrameLocator, type Locator, test } from "@playwright/test";
import { EMBED_HOST_ALLOWED, EMBED_HOST_PORT } from "../playwright.config";
import { startEmbedHost } from "./embed-host";

/**
 * The one script tag (public/embed.js) on pages of another origin: a bare page, a page with two tags, and
 * a page of a real documentation site generator (the Starlight site of e2e/fixtures/docs-site).
 */
let host: Awaited<ReturnType<typeof startEmbedHost>>;
test.beforeAll(async ({ baseURL }) => {
  host = await startEmbedHost(EMBED_HOST_PORT, { playgroundOrigin: baseURL! });
});
test.afterAll(async () => {
  await host?.close();
});

const tagsPage = (html: string) => `${EMBED_HOST_ALLOWED}/tags?html=${encodeURIComponent(html)}`;

/** The iframe's height and its document's content height (and whether it scrolls). */
async function frameSize(iframe: Locator) {
  const height = await iframe.evaluate((f) => f.getBoundingClientRect().height);
  const inner = await iframe
    .contentFrame()
    .locator("body")
    .evaluate(() => ({
      content: Math.ceil(document.body.getBoundingClientRect().height),
      scrolls: document.documentElement.scrollHeight > document.documentElement.clientHeight,
    }));
  return { height, ...inner };
}

/**
 * Waits until the embed has settled and the iframe is exactly as tall as its content, with no scrollbar;
 * returns its height. It is looked at first, as a reader would: Chrome does not run the rendering steps
 * (so no ResizeObserver) of a cross-origin frame out of view, and the embed reports its size when it comes
 * into view.
 */
async function fitted(iframe: Locator): Promise<number> {
  await iframe.scrollIntoViewIfNeeded();
  // The hand-off panel under the form loads once the embed is idle and adds its height then: a height
  // measured before it is not the embed's settled height.
  const embed = iframe.contentFrame();
  if (await embed.locator("#handoff-heading").count()) await expect(embed.getByRole("radio", { name: "curl" })).toBeVisible();
  await expect
    .poll(async () => {
      const s = await frameSize(iframe);
      return Math.abs(s.height - s.content) <= 1 && !s.scrolls;
    })
    .toBe(true);
  return (await frameSize(iframe)).height;
}

async function pickMode(embed: FrameLocator, label: string) {
  await embed.getByRole("group", { name: "Generation mode" }).getByText(label, { exact: true }).click();
  await expect(embed.getByRole("radio", { name: label, exact: true })).toBeChecked();
}

test.describe("the one script tag", () => {
  test("puts the embed where the tag stands, preset and themed by its attributes, and sizes it to its content", async ({
    page,
    baseURL,
  }) => {
    await page.goto(
      tagsPage(
        `<p id="before">Before.</p><script async src="${baseURL}/embed.js" data-model="nano-banana-2" data-mode="text-to-video" data-prompt="A lighthouse in a storm" data-duration="10" data-theme="dark"></script>`,
      ),
    );
    // Right after its own tag, between the paragraphs around it.
    const iframe = page.locator("#before + script + iframe");
    await expect(iframe).toHaveCount(1);
    await expect(iframe).toHaveAttribute("title", "nano-banana-2 playground");
    const embed = iframe.contentFrame();
    await expect(embed.getByRole("textbox", { name: /prompt/i })).toHaveValue("A lighthouse in a storm");
    await expect(embed.getByRole("radio", { name: /10 s/ })).toBeChecked();
    await expect(embed.locator("html")).toHaveAttribute("data-theme", "dark");
    const before = await fitted(iframe);
    expect(before).not.toBe(640); // the tag's initial height was replaced by the content's

    // The content grows (three reference images): the iframe follows, and the host's text moves down.
    await pickMode(embed, "R2V");
    await expect.poll(() => fitted(iframe)).toBeGreaterThan(before + 50);
    // And shrinks back.
    await pickMode(embed, "Text-to-Video");
    await expect.poll(() => fitted(iframe)).toBeLessThan(before + 2);
    const after = await page.locator("#after").evaluate((p) => p.getBoundingClientRect().top);
    const bottom = await iframe.evaluate((f) => f.getBoundingClientRect().bottom);
    expect(after).toBeGreaterThanOrEqual(bottom);
  });

  test("two tags on one page make two independent embeds, each sized by its own messages", async ({ page, baseURL }) => {
    await page.goto(
      tagsPage(
        `<script src="${baseURL}/embed.js" data-model="nano-banana-2" data-mode="text-to-video"></script>` +
          `<p id="between">Between.</p>` +
          `<script defer src="${baseURL}/embed.js" data-model="nano-banana-2" data-mode="image-to-video" data-panels="form"></script>`,
      ),
    );
    await expect(page.locator("iframe")).toHaveCount(2);
    const first = page.locator("iframe").first();
    const second = page.locator("#between + script + iframe");
    await expect(first.contentFrame().getByRole("radio", { name: "Text-to-Video", exact: true })).toBeChecked();
    await expect(second.contentFrame().getByRole("radio", { name: "Image-to-Video", exact: true })).toBeChecked();
    await expect(second.contentFrame().getByRole("heading", { name: "Output" })).toHaveCount(0);
    const [a, b] = [await fitted(first), await fitted(second)];
    expect(a).not.toBe(b);

    // Growing one leaves the other as it was.
    await pickMode(first.contentFrame(), "R2V");
    await expect.poll(() => fitted(first)).toBeGreaterThan(a + 50);
    expect(await fitted(second)).toBe(b);
  });

  test("without data-theme it follows the host page's color scheme, and switches when the host does", async ({ page, baseURL }) => {
    await page.emulateMedia({ colorScheme: "light" });
    await page.goto(
      tagsPage(`<style>:root { color-scheme: dark }</style><script src="${baseURL}/embed.js" data-model="nano-banana-2"></script>`),
    );
    const embed = page.frameLocator("iframe");
    await expect(embed.locator("html")).toHaveAttribute("data-theme", "dark");
    await page.evaluate(() => document.documentElement.style.setProperty("color-scheme", "light"));
    await expect(embed.locator("html")).toHaveAttribute("data-theme", "light");
    // A host that names no scheme: the reader's system setting.
    await page.evaluate(() => document.documentElement.style.setProperty("color-scheme", "normal"));
    await page.emulateMedia({ colorScheme: "dark" });
    await expect(embed.locator("html")).toHaveAttribute("data-theme", "dark");
  });

  test("the guide's Embed dialog gives the script tag first, and it works as given", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("group", { name: "Generation mode" }).getByText("Image-to-Video", { exact: true }).click();
    await page.getByRole("textbox", { name: /prompt/i }).fill('Say "cheese" & smile');
    await page.getByRole("button", { name: "Embed", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "Embed this playground" });
    const box = dialog.getByRole("textbox", { name: "Embed code (one script tag)" });
    // The code is written once the dialog knows the page's origin.
    await expect(box).toHaveValue(
      /^<script src="http:\/\/127\.0\.0\.1:\d+\/embed\.js" data-model="nano-banana-2" data-mode="image-to-video" /,
    );
    const code = await box.inputValue();
    expect(code).not.toContain("<iframe");

    await page.goto(tagsPage(code));
    const iframe = page.locator("iframe");
    await expect(iframe.contentFrame().getByRole("radio", { name: "Image-to-Video", exact: true })).toBeChecked();
    await expect(iframe.contentFrame().getByRole("textbox", { name: /prompt/i })).toHaveValue('Say "cheese" & smile');
    await fitted(iframe);
  });

  test("on a Starlight documentation page: the tag in the Markdown renders, runs, resizes and follows the site's theme switch", async ({
    page,
  }) => {
    await page.goto(`${EMBED_HOST_ALLOWED}/docs/quick-start/`);
    await expect(page.getByRole("heading", { level: 1, name: "Quick start" })).toBeVisible();
    const live = page.locator("iframe").first();
    const embed = live.contentFrame();
    await expect(embed.getByRole("textbox", { name: /prompt/i })).toHaveValue("A paper boat drifting down a rain gutter");
    // Starlight's theme follows the reader's system setting (light here) and sets html's color-scheme.
    await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
    await expect(embed.locator("html")).toHaveAttribute("data-theme", "light");
    const before = await fitted(live);
    await embed.getByRole("button", { name: /run task/i }).click();
    await expect(embed.getByRole("status", { name: "Task status" })).toHaveText("succeeded", { timeout: 60_000 });
    await expect(embed.getByLabel("Rendered video")).toBeVisible();
    await expect.poll(() => fitted(live)).toBeGreaterThan(before + 100);

    // The site's own theme switch.
    await page.getByRole("combobox", { name: "Select theme" }).filter({ visible: true }).first().selectOption("dark");
    await expect(embed.locator("html")).toHaveAttribute("data-theme", "dark");

    // The second tag on the page plays a recording (async, ×4).
    await page.locator("iframe").nth(1).scrollIntoViewIfNeeded();
    const recorded = page.locator("iframe").nth(1).contentFrame();
    await expect(recorded.getByRole("region", { name: "Recorded run" })).toBeVisible();
    await expect(recorded.getByRole("status", { name: "Task status" })).toHaveText("succeeded", { timeout: 30_000 });
  });
});
