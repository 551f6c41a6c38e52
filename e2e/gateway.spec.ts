import { expect, test } from "@playwright/test";
import { HOSTILE_PROMPTS } from "../lib/handoff/hostile";
import { E2E_KEY } from "../playwright.config";
import { HandoffPanel, runInBash } from "./handoff-page";
import { PlaygroundPage } from "./playground-page";

/**
 * The playground with UPSTREAM_DIALECT=generation-task, facing the simulator in the gateway's dialect:
 * same UI and contract, every mode, the contract check beside each raw answer, the link's expiry.
 */
test.describe("facing a generation.task gateway", () => {
  test("Video Edit is marked unavailable when the page loads, before anything is sent", async ({ page }) => {
    const pg = new PlaygroundPage(page);
    await pg.goto();
    await expect(page.getByText(/Upstream: embedded simulator · generation-task/)).toBeVisible();
    await pg.mode("Video Edit");
    await expect(page.getByRole("note", { name: "Mode not available" })).toContainText(
      "Video Edit is not available on the configured upstream",
    );
    await pg.prompt.fill("Make it look like a warm film print");
    await page.getByLabel("Source video URL").fill("https://example.com/source.mp4");
    await expect(pg.run).toBeDisabled();
  });

  test("Text-to-Video: raw and normalised side by side, flags checked, a countdown and a download button", async ({ page }) => {
    const pg = new PlaygroundPage(page);
    await pg.goto();
    await pg.prompt.fill("A cinematic city sunrise with soft fog and moving traffic.");
    await pg.run.click();
    const video = await pg.waitForVideo();
    expect(video).toMatchObject({ width: 1280, height: 720 });
    expect(video.duration).toBeCloseTo(6, 1);
    // The create: the gateway's raw answer, the check, and the contract's answer.
    await expect(page.getByRole("group", { name: "raw upstream answer 1" })).toContainText('"generation.task"');
    await expect(page.getByRole("group", { name: "Contract check 1" })).toHaveText("Matches the generation-task schema.");
    await expect(page.getByRole("group", { name: "response 1 JSON", exact: true })).toContainText(/"mode":\s*"text-to-video"/);
    // The last poll: `completed` upstream, `succeeded` in the contract.
    const polls = await pg.exchanges.getByRole("listitem", { name: /^Poll status/ }).count();
    const last = polls + 1;
    await expect(page.getByRole("group", { name: `raw upstream answer ${last}` })).toContainText(/"status":\s*"completed"/);
    await expect(page.getByRole("group", { name: `response ${last} JSON`, exact: true })).toContainText(/"status":\s*"succeeded"/);
    await expect(page.getByRole("timer", { name: "Link expires in" })).toContainText(/Link expires in 2[34] h/);
    await expect(page.getByRole("link", { name: "Download MP4" })).toHaveAttribute("href", /\/api\/simulator\/files\//);
  });

  test("gemini-omni-flash goes to the gateway as gemini_omni_flash: 4 s at 1080P, a 1920×1080 clip", async ({ page }) => {
    await new PlaygroundPage(page).runFlash4s1080p();
    await expect(page.getByText(/Upstream: embedded simulator · generation-task/)).toBeVisible();
    await expect(page.getByRole("group", { name: "raw upstream answer 1" })).toContainText(/"model":\s*"gemini_omni_flash"/);
    await expect(page.getByRole("group", { name: "response 1 JSON", exact: true })).toContainText(/"model":\s*"gemini-omni-flash"/);
  });

  test("gemini-omni-flash R2V: three uploaded references go as image_urls, a 1080P clip comes back", async ({ page }) => {
    const pg = new PlaygroundPage(page);
    await pg.goto("", "/models/gemini-omni-flash");
    await pg.mode("R2V");
    await pg.prompt.fill("A product turntable guided by the references");
    await page.getByLabel("Resolution").selectOption("1080P");
    for (const [i, file] of ["ref-1.jpg", "ref-2.jpg", "ref-3.jpg"].entries()) await pg.upload(`Reference image ${i + 1}`, file);
    await pg.run.click();
    expect(await pg.waitForVideo()).toMatchObject({ width: 1920, height: 1080, duration: expect.closeTo(6, 1) });
  });

  test("Image-to-Video from an uploaded image (through /v1/uploads/images), 9:16", async ({ page }) => {
    const pg = new PlaygroundPage(page);
    await pg.goto();
    await pg.mode("Image-to-Video");
    await pg.prompt.fill("The scene slowly comes alive");
    await pg.choose("Aspect ratio", "9:16");
    await pg.upload("First-frame image", "still.png");
    await pg.run.click();
    const video = await pg.waitForVideo();
    expect(video).toMatchObject({ width: 720, height: 1280 });
    await pg.exchanges
      .getByRole("listitem", { name: /^Upload media/ })
      .locator("summary")
      .click();
    // Exchange 1 is the upload's ticket (answered by the playground's server, no upstream call); 2 the upload.
    await expect(page.getByRole("group", { name: "raw upstream answer 2" })).toContainText(/"success":\s*true/);
    await expect(page.getByRole("group", { name: "Contract check 2" })).toHaveText("Matches the generation-task schema.");
  });

  test("R2V with three references, 10 s", async ({ page }) => {
    const pg = new PlaygroundPage(page);
    await pg.goto();
    await pg.mode("R2V");
    await pg.prompt.fill("A product turntable guided by the references");
    await pg.choose("Duration", "10 s");
    await pg.upload("Reference image 1", "ref-1.jpg");
    await pg.upload("Reference image 2", "ref-2.jpg");
    await pg.upload("Reference image 3", "ref-3.jpg");
    await pg.run.click();
    const video = await pg.waitForVideo();
    expect(video).toMatchObject({ width: 1280, height: 720 });
    expect(video.duration).toBeCloseTo(10, 1);
  });

  test("an expired video link is explained, not shown as a broken player", async ({ page }) => {
    // Rare in a test run (links live 24 h): the finished poll's expiry is moved into the past.
    await page.route(/\/api\/tasks\/task_/, async (route) => {
      const res = await route.fetch();
      const body = await res.json();
      if (body.output) body.output.expires_at = new Date(Date.now() - 60_000).toISOString();
      await route.fulfill({ response: res, json: body });
    });
    const pg = new PlaygroundPage(page);
    await pg.goto();
    await pg.prompt.fill("A short clip whose link has expired");
    await pg.run.click();
    await expect(pg.status).toHaveText("succeeded", { timeout: 60_000 });
    await expect(page.getByRole("alert", { name: "Video link expired" })).toContainText("Run the task again");
    await expect(pg.video).toHaveCount(0);
  });
});

test.describe("hand-off in the gateway's dialect", () => {
  test.use({ permissions: ["clipboard-read", "clipboard-write"] });

  test("copied curl and script speak the gateway's API and create the task the playground creates; Video Edit is explained, not sent", async ({
    page,
    request,
  }) => {
    const pg = new PlaygroundPage(page);
    const handoff = new HandoffPanel(page);
    await pg.goto();
    await pg.mode("Image-to-Video");
    await pg.prompt.fill(HOSTILE_PROMPTS[4] + HOSTILE_PROMPTS[1]);
    await pg.choose("Aspect ratio", "9:16");
    await pg.upload("First-frame image", "still.png");
    await pg.run.click();
    await expect(pg.status).toHaveText("succeeded", { timeout: 60_000 });
    const runTaskId = (await page.getByLabel("Task id", { exact: true }).textContent())!.trim();
    const received = async (id: string) =>
      (await request.get(`/api/simulator/v1/tasks/${id}/request`, { headers: { authorization: `Bearer ${E2E_KEY}` } })).json();

    const curl = await handoff.copy("curl");
    expect(curl).toMatch(/^curl -sS -X POST '?http:\/\/127\.0\.0\.1:\d+\/api\/simulator\/gateway\/v1\/videos\/generations/);
    expect(curl).toContain('"image_urls"');
    expect(curl).toContain('"resolution": "720p"');
    expect(curl).not.toContain(E2E_KEY);
    const viaCurl = (await runInBash(curl)).task as unknown as { id: string; object: string; status: string };
    expect(viaCurl).toMatchObject({ object: "generation.task", status: "queued" });
    // The simulator read the copied curl's body exactly as it read the proxy's for the playground's run.
    const sent = await received(viaCurl.id);
    expect(sent.input).toMatchObject({
      prompt: (HOSTILE_PROMPTS[4] + HOSTILE_PROMPTS[1]).trim(),
      aspect_ratio: "9:16",
      image_url: expect.stringContaining("/api/simulator/files/"),
    });
    expect(sent).toEqual(await received(runTaskId));

    const script = await handoff.copy("Shell script");
    const viaScript = (await runInBash(script, true)) as unknown as { task: { status: string }; stderr: string };
    expect(viaScript.task.status).toBe("completed");
    expect(viaScript.stderr).toMatch(/Saved .*video\.mp4/);

    await pg.mode("Video Edit");
    const edit = await handoff.copy("curl");
    expect(edit).not.toMatch(/^curl/m);
    expect(edit).toContain("Video Edit is not available on the configured upstream");
  });

  test("Edit this result is disabled with the reason; Start from this frame still works", async ({ page }) => {
    const pg = new PlaygroundPage(page);
    await pg.goto();
    await pg.prompt.fill("A quiet harbour at dawn");
    await pg.run.click();
    await pg.waitForVideo();
    const edit = page.getByRole("button", { name: "Edit this result" });
    await expect(edit).toBeDisabled();
    await expect(edit).toHaveAccessibleDescription(/Video Edit is not available on the configured upstream/);
    await expect(page.getByRole("button", { name: "Start Image-to-Video from this frame" })).toBeEnabled();
  });
});
