import { expect, type Page, test } from "@playwright/test";
import { FULL_PAGE_SHOT_STYLE } from "../bench/lib.mjs";
import { PlaygroundPage, waitForLatePanels } from "./playground-page";

/**
 * A docs reader on a phone and on a laptop: the page never scrolls sideways and nothing jumps while it
 * loads, the panels that load once the page is idle (the hand-off with its code) included. Before the
 * grids had an explicit `grid-cols-1`, their one column grew to the widest line of the late hand-off
 * panel: on a phone the embed jumped half a second after loading (layout shift 0.31) and both pages
 * scrolled sideways.
 */
const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1280, height: 800 };

async function watchLayoutShifts(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __shifts: { value: number; nodes: string[] }[] };
    w.__shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean; sources: { node?: Node }[] }[]) {
        if (!e.hadRecentInput)
          w.__shifts.push({ value: e.value, nodes: e.sources.map((s) => (s.node as Element | undefined)?.outerHTML?.slice(0, 80) ?? "?") });
      }
    }).observe({ type: "layout-shift", buffered: true });
  });
}

const shifts = (page: Page) => page.evaluate(() => (window as unknown as { __shifts: { value: number; nodes: string[] }[] }).__shifts);
/**
 * How far the page scrolls sideways, with every section laid out: the guide's lower sections use
 * `content-visibility: auto`, whose containment clips what overflows them, so without this an overflowing
 * example would be cut off without widening the page.
 */
async function sideways(page: Page) {
  await page.addStyleTag({ content: FULL_PAGE_SHOT_STYLE });
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

for (const [device, viewport] of [
  ["phone", PHONE],
  ["laptop", LAPTOP],
] as const) {
  for (const path of ["/", "/embed/nano-banana-2"]) {
    test(`${path} on a ${device}: no layout shift while it loads, no sideways scroll`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await watchLayoutShifts(page);
      await page.goto(path);
      await waitForLatePanels(page);
      expect(await shifts(page)).toEqual([]);
      expect(await sideways(page)).toBe(0);
    });
  }
}

test("a run on a phone: the request, the responses and the video fit the screen", async ({ page }) => {
  await page.setViewportSize(PHONE);
  const pg = new PlaygroundPage(page);
  await pg.goto();
  await pg.prompt.fill("A cinematic city sunrise with soft fog and moving traffic.");
  await pg.run.click();
  await pg.waitForVideo();
  await expect(page.getByRole("group", { name: "request 1 JSON" })).toBeVisible();
  expect(await sideways(page)).toBe(0);
});
