import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { E2E_KEY } from "../playwright.config";
import { PlaygroundPage } from "./playground-page";

test("the API key is in no page, script, response or log line", async ({ page, request }) => {
  const bodies: string[] = [];
  page.on("response", async (res) => {
    try {
      bodies.push(JSON.stringify(res.headers()), await res.text());
    } catch {
      // Media bodies and redirects have no text; their headers were kept.
    }
  });
  const pg = new PlaygroundPage(page);
  await pg.goto();
  await pg.prompt.fill("Check that no secret leaks");
  await pg.run.click();
  await pg.waitForVideo();

  // Every script the page loaded, fetched again in full.
  const scripts = await page.evaluate(() => [...document.scripts].map((s) => s.src).filter(Boolean));
  expect(scripts.length).toBeGreaterThan(0);
  for (const src of scripts) bodies.push(await (await request.get(src)).text());
  bodies.push(await page.content());

  // Error paths too.
  bodies.push(await (await request.post("/api/tasks", { data: { model: "x" } })).text());
  bodies.push(await (await request.get("/api/tasks/task_unknown")).text());

  expect(bodies.length).toBeGreaterThan(5);
  for (const body of bodies) expect(body).not.toContain(E2E_KEY);
  expect(readFileSync(".data/e2e-server.log", "utf8")).not.toContain(E2E_KEY);
  // The panel shows a placeholder where the key would be.
  await expect(page.getByText("Bearer $UPSTREAM_API_KEY", { exact: true }).first()).toBeVisible();
  await expect(page.getByText("added by the server; the browser never has the key").first()).toBeVisible();
});
