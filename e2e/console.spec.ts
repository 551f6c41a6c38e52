import { expect, test } from "@playwright/test";
import { waitForLatePanels } from "./playground-page";

/** A developer opens devtools on the guide: nothing in the console, no failed request, icon included. */
for (const path of ["/", "/ru", "/embed/nano-banana-2"]) {
  test(`${path} loads without a console error or a failed request`, async ({ page }) => {
    const problems: string[] = [];
    page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    page.on("response", (r) => r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`));
    page.on("requestfailed", (r) => problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`));
    await page.goto(path);
    await page.waitForFunction(() => performance.getEntriesByName("run-button-usable").length > 0);
    await waitForLatePanels(page);
    expect(problems).toEqual([]);
  });
}
