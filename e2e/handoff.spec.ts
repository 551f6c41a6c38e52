import { type APIRequestContext, expect, test } from "@playwright/test";
import { HOSTILE_PROMPTS } from "../lib/handoff/hostile";
import { nanoBanana2 } from "../lib/models/nano-banana-2";
import { referencesCountMessage, specMessages } from "../lib/spec/model-spec";
import { E2E_KEY } from "../playwright.config";

const MESSAGES = specMessages(nanoBanana2);

import { HandoffPanel, runInBash } from "./handoff-page";
import { PlaygroundPage } from "./playground-page";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

/** The request the simulator stored for a task: what the exported code really sent. */
async function received(request: APIRequestContext, taskId: string) {
  const res = await request.get(`/api/simulator/v1/tasks/${taskId}/request`, { headers: { authorization: `Bearer ${E2E_KEY}` } });
  expect(res.status()).toBe(200);
  return res.json();
}

type Case = {
  mode: "Text-to-Video" | "Image-to-Video" | "R2V" | "Video Edit";
  prompt: string;
  setup: (pg: PlaygroundPage) => Promise<void>;
  uploads: number;
};
const CASES: Case[] = [
  {
    mode: "Text-to-Video",
    prompt: `${HOSTILE_PROMPTS[0]} ${HOSTILE_PROMPTS[2]}`,
    uploads: 0,
    setup: (pg) => pg.choose("Duration", "10 s"),
  },
  {
    mode: "Image-to-Video",
    prompt: HOSTILE_PROMPTS[4],
    uploads: 1,
    setup: async (pg) => {
      await pg.choose("Aspect ratio", "9:16");
      await pg.upload("First-frame image", "still.png");
    },
  },
  {
    mode: "R2V",
    prompt: HOSTILE_PROMPTS[5] + HOSTILE_PROMPTS[1],
    uploads: 3,
    setup: async (pg) => {
      for (const i of [1, 2, 3]) await pg.upload(`Reference image ${i}`, `ref-${i}.jpg`);
    },
  },
  {
    mode: "Video Edit",
    prompt: HOSTILE_PROMPTS[6] + HOSTILE_PROMPTS[3],
    uploads: 1,
    setup: (pg) => pg.upload("Source video", "source.mp4"),
  },
];

test.describe("copied curl and script run for real and create exactly the form's task", () => {
  for (const c of CASES) {
    test(c.mode, async ({ page, request }) => {
      const pg = new PlaygroundPage(page);
      const handoff = new HandoffPanel(page);
      await pg.goto();
      await pg.mode(c.mode);
      await pg.prompt.fill(c.prompt);
      await c.setup(pg);

      // What the playground itself sends when the form is run: the reference.
      await pg.run.click();
      await expect(pg.status).toHaveText("succeeded", { timeout: 60_000 });
      // Each upload is two exchanges (its ticket, then the file); the create comes after them.
      await page.getByRole("button", { name: `Copy request ${2 * c.uploads + 1} JSON` }).click();
      const sentByPlayground = JSON.parse(await handoff.clipboard());
      expect(sentByPlayground.input.prompt).toBe(c.prompt.trim());

      const curl = await handoff.copy("curl");
      expect(curl).toContain("$UPSTREAM_API_KEY");
      expect(curl).not.toContain(E2E_KEY);
      const viaCurl = await runInBash(curl);
      expect(viaCurl.task.status).toBe("queued");
      expect(await received(request, viaCurl.task.task_id)).toEqual(sentByPlayground);

      const script = await handoff.copy("Shell script");
      expect(script).not.toContain(E2E_KEY);
      const viaScript = await runInBash(script, true);
      expect(viaScript.task.status).toBe("succeeded");
      expect(viaScript.stderr).toMatch(/Saved .*video\.mp4/);
      expect(await received(request, viaScript.task.task_id)).toEqual(sentByPlayground);
    });
  }

  test("every hostile prompt survives the copied curl", async ({ page, request }) => {
    const pg = new PlaygroundPage(page);
    const handoff = new HandoffPanel(page);
    await pg.goto();
    for (const prompt of HOSTILE_PROMPTS) {
      await pg.prompt.fill(prompt);
      await expect(page.getByRole("group", { name: "curl code" })).toContainText("prompt");
      const { task } = await runInBash(await handoff.copy("curl"));
      expect((await received(request, task.task_id)).input.prompt).toBe(prompt.trim());
    }
  });
});

test('"Copied" stays with the format that was copied: switching the format within the moment shows the new one\'s own Copy', async ({
  page,
}) => {
  const pg = new PlaygroundPage(page);
  const handoff = new HandoffPanel(page);
  // The page's clock held still after the copy, so "the moment" (1.5 s) cannot run out while the test switches.
  await page.clock.install();
  await pg.goto();
  const copyCurl = page.getByRole("button", { name: "Copy as curl" });
  await expect(copyCurl).toHaveText("Copy as curl");
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
  await copyCurl.click();
  await expect(copyCurl).toHaveText("Copied");
  const curl = await handoff.clipboard();
  expect(curl).toMatch(/^curl /);
  await handoff.format("JavaScript");
  // Nothing of the JavaScript was copied: its button offers to copy it.
  await expect(page.getByRole("button", { name: "Copy as JavaScript" })).toHaveText("Copy as JavaScript");
  expect(await handoff.clipboard()).toBe(curl);
  // Back on curl within the moment: that is what the clipboard holds.
  await handoff.format("curl");
  await expect(copyCurl).toHaveText("Copied");
  await page.clock.runFor(2000);
  await expect(copyCurl).toHaveText("Copy as curl");
});

test("the output panel copies the request of that run, not the form as it is now", async ({ page }) => {
  const pg = new PlaygroundPage(page);
  const handoff = new HandoffPanel(page);
  await pg.goto();
  await pg.prompt.fill("The prompt this run was made with");
  await pg.run.click();
  await expect(pg.status).toHaveText(/queued|running|succeeded/);
  await pg.prompt.fill("A prompt typed afterwards");
  await page.getByRole("button", { name: "Copy this run's request as JSON" }).click();
  expect(JSON.parse(await handoff.clipboard()).input.prompt).toBe("The prompt this run was made with");
  await page.getByRole("button", { name: "Copy this run's request as curl" }).click();
  const curl = await handoff.clipboard();
  expect(curl).toMatch(/^curl -sS -X POST http:\/\/127\.0\.0\.1:\d+\/api\/simulator\/v1\/tasks/);
  expect(curl).toContain("The prompt this run was made with");
  expect(curl).not.toContain("afterwards");
});

test.describe("import", () => {
  test("the seed's minimal request fills the form and names duration 5", async ({ page }) => {
    const pg = new PlaygroundPage(page);
    const handoff = new HandoffPanel(page);
    await pg.goto();
    await handoff.import(`{
  "model": "nano-banana-2",
  "mode": "text-to-video",
  "input": {
    "prompt": "A cinematic city sunrise with soft fog and moving traffic.",
    "duration": 5
  }
}`);
    await expect(pg.prompt).toHaveValue("A cinematic city sunrise with soft fog and moving traffic.");
    // Only what the request carried is named as filled: not the defaulted aspect ratio and resolution, not the refused duration.
    await expect(page.getByRole("status", { name: "Import result" })).toContainText(
      "Filled the form from the JSON: Text-to-Video, prompt.",
    );
    await expect(page.getByRole("list", { name: "Import issues" })).toContainText(MESSAGES.duration);
    await expect(pg.run).toBeEnabled();
  });

  test("a curl for R2V switches the mode and keeps the valid fields next to the invalid ones", async ({ page }) => {
    const pg = new PlaygroundPage(page);
    const handoff = new HandoffPanel(page);
    await pg.goto();
    const body = {
      model: "nano-banana-2",
      mode: "r2v",
      input: {
        prompt: "It's two refs",
        aspect_ratio: "4:3",
        duration: 10,
        reference_image_urls: ["https://a.example/1.jpg", "https://a.example/2.jpg"],
      },
    };
    await handoff.import(
      `curl -X POST https://api.example.com/v1/tasks \\\n  -H "Authorization: Bearer $UPSTREAM_API_KEY" \\\n  --data-raw '${JSON.stringify(body).replace(/'/g, "'\\''")}'`,
    );
    await expect(page.getByRole("radio", { name: "R2V", exact: true })).toBeChecked();
    await expect(pg.prompt).toHaveValue("It's two refs");
    await expect(page.getByRole("group", { name: "Duration" }).getByRole("radio", { name: "10 s" })).toBeChecked();
    const issues = page.getByRole("list", { name: "Import issues" });
    await expect(issues).toContainText(MESSAGES.aspectRatio);
    await expect(issues).toContainText(referencesCountMessage(nanoBanana2, 2));
    // The form shows the same refusal where the field is.
    await expect(page.getByText(referencesCountMessage(nanoBanana2, 2)).first()).toBeVisible();
  });
});

test.describe("share", () => {
  test("what is typed the moment the page is ready reaches the address bar, however fast", async ({ page }) => {
    await page.goto("/");
    await page.waitForFunction(() => performance.getEntriesByName("run-button-usable").length > 0);
    // Keystrokes closer together than the address bar's delay (250 ms), from the first moment.
    await page.getByRole("textbox", { name: /prompt/i }).pressSequentially("A heron", { delay: 40 });
    await expect(page).toHaveURL(/[?&]prompt=A\+heron(&|$)/);
  });

  test("a copied link reproduces the configuration in a new page", async ({ page, context }) => {
    const pg = new PlaygroundPage(page);
    const handoff = new HandoffPanel(page);
    await pg.goto();
    await pg.mode("Image-to-Video");
    await pg.prompt.fill(HOSTILE_PROMPTS[4] + HOSTILE_PROMPTS[5]);
    await pg.choose("Aspect ratio", "9:16");
    await pg.choose("Duration", "10 s");
    await pg.upload("First-frame image", "still.png");
    const curl = await handoff.copy("curl");
    const link = await handoff.copyLink();
    expect(link).not.toContain(E2E_KEY);
    expect(new URL(link).searchParams.get("image_url")).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/simulator\/files\//);
    // The address bar holds the same state.
    await expect.poll(() => page.url()).toBe(link);

    const other = await context.newPage();
    const pg2 = new PlaygroundPage(other);
    await other.goto(link);
    await expect(other.getByRole("radio", { name: "Image-to-Video", exact: true })).toBeChecked();
    await expect(pg2.prompt).toHaveValue((HOSTILE_PROMPTS[4] + HOSTILE_PROMPTS[5]).trim());
    await expect(other.getByRole("group", { name: "Aspect ratio" }).getByRole("radio", { name: /9:16/ })).toBeChecked();
    await expect(other.getByRole("group", { name: "Duration" }).getByRole("radio", { name: "10 s" })).toBeChecked();
    await expect(pg2.run).toBeEnabled();
    expect(await new HandoffPanel(other).copy("curl")).toBe(curl);
  });

  test("a link with values the contract refuses names them and keeps the rest", async ({ page }) => {
    const pg = new PlaygroundPage(page);
    await pg.goto("?mode=video-edit&prompt=Warm%20film&duration=5&aspect_ratio=1:1");
    await expect(page.getByRole("radio", { name: "Video Edit", exact: true })).toBeChecked();
    await expect(pg.prompt).toHaveValue("Warm film");
    const issues = page.getByRole("list", { name: "Link issues" });
    await expect(issues).toContainText(MESSAGES.aspectRatio);
  });
});
