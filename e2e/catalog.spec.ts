import { expect, test } from "@playwright/test";
import { geminiOmniFlash as flash } from "../lib/models/gemini-omni-flash";
import { MODELS } from "../lib/models/registry";
import en from "../messages/en.json" with { type: "json" };
import ru from "../messages/ru.json" with { type: "json" };
import { countRequests, PlaygroundPage } from "./playground-page";

/** The catalog of model guides, and the second model end to end on the simulator. */
test.describe("the model catalog", () => {
  test("lists every model with its guide, embed and OpenAPI, in English and Russian", async ({ page }) => {
    for (const [path, t, locale] of [
      ["/models", en, "en"],
      ["/ru/models", ru, "ru"],
    ] as const) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.catalog.title);
      for (const m of MODELS) {
        const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: m.name }) });
        await expect(card).toContainText(m.texts[locale].tagline);
        await expect(card.getByRole("link", { name: `${t.catalog.guide}: ${m.name}` })).toHaveAttribute(
          "href",
          locale === "en" ? `/models/${m.id}` : `/ru/models/${m.id}`,
        );
        // The embed in the page's language.
        await expect(card.getByRole("link", { name: `${t.catalog.embed}: ${m.name}` })).toHaveAttribute(
          "href",
          locale === "en" ? `/embed/${m.id}` : `/embed/${m.id}?lang=ru`,
        );
      }
    }
    const res = await page.goto("/models/no-such-model");
    expect(res?.status()).toBe(404);
  });

  test("each guide links the catalog and its related models; / is still nano-banana-2's guide", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("nano-banana-2 API");
    // The section menu under the title has an entry for it, as for every other section.
    const contents = page.getByRole("navigation", { name: en.nav.contents });
    await expect(contents.getByRole("link", { name: en.guide.sections.related })).toHaveAttribute("href", "#related");
    const related = page.getByRole("region", { name: en.guide.sections.related });
    await related.getByRole("link", { name: flash.name }).click();
    // Only the path: the playground writes its form's state into the query a moment after it hydrates.
    await expect(page).toHaveURL((url) => url.pathname === "/models/gemini-omni-flash");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("gemini-omni-flash API");
    for (const line of flash.texts.en.summary) await expect(page.getByText(line, { exact: true })).toBeVisible();
    await page.getByRole("navigation", { name: en.nav.language }).getByRole("link", { name: "Русский" }).click();
    await expect(page).toHaveURL((url) => url.pathname === "/ru/models/gemini-omni-flash");
    await expect(page.getByText(flash.texts.ru.summary[0], { exact: true })).toBeVisible();
    // The Russian guide's embed link opens the Russian embed.
    const embed = page.getByRole("link", { name: ru.nav.embed, exact: true });
    await expect(embed).toHaveAttribute("href", "/embed/gemini-omni-flash?lang=ru");
    const ruContents = page.getByRole("navigation", { name: ru.nav.contents });
    await expect(ruContents.getByRole("link", { name: ru.guide.sections.related })).toHaveAttribute("href", "#related");
    await page.getByRole("link", { name: ru.nav.catalog }).click();
    await expect(page).toHaveURL((url) => url.pathname === "/ru/models");
    // The Russian catalog's embed link opens the embed in Russian.
    await page.getByRole("link", { name: `${ru.catalog.embed}: ${flash.name}` }).click();
    await expect(page).toHaveURL((url) => url.pathname === "/embed/gemini-omni-flash");
    await expect(page.locator("main")).toHaveAttribute("lang", "ru");
  });

  test("gemini-omni-flash: 1080P with 9:16 is refused as you type and by the server, and never forwarded", async ({ page, request }) => {
    const pg = new PlaygroundPage(page);
    const sent = countRequests(page);
    await pg.goto("", "/models/gemini-omni-flash");
    await pg.prompt.fill("A fox crossing a snowy field");
    await pg.choose("Aspect ratio", "9:16");
    await page.getByLabel("Resolution").selectOption("1080P");
    const rule = "resolution 1080P is allowed only with aspect_ratio 16:9.";
    // The form's own messages (the guide's parameter tables below state the rule too).
    const form = page.getByRole("form", { name: "Task parameters" });
    await expect(page.getByRole("group", { name: "Aspect ratio" })).toContainText(rule);
    await expect(page.getByLabel("Resolution")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Resolution")).toHaveAccessibleDescription(rule);
    await expect(pg.run).toBeDisabled();
    // Fixing either field clears both.
    await pg.choose("Aspect ratio", "16:9");
    await expect(form.getByText(rule)).toHaveCount(0);
    await expect(pg.run).toBeEnabled();
    expect(sent.creates).toHaveLength(0);

    const res = await request.post("/api/tasks", {
      data: { model: flash.id, mode: "text-to-video", input: { prompt: "A fox", resolution: "1080P", aspect_ratio: "9:16" } },
      headers: { origin: new URL(page.url()).origin },
    });
    expect(res.status()).toBe(400);
    expect(res.headers()["x-upstream-request"]).toBeUndefined();
    const body = await res.json();
    expect(body.error.param).toBe("input.resolution");
    expect(body.error.issues.map((i: { param: string }) => i.param)).toEqual(["input.resolution", "input.aspect_ratio"]);
    expect(body.error.message).toBe(rule);
  });

  test("gemini-omni-flash: a 4 s 1080P 16:9 run plays a 1920×1080 clip of 4 s", async ({ page }) => {
    await new PlaygroundPage(page).runFlash4s1080p();
    await expect(page.getByRole("group", { name: "request 1 JSON", exact: true })).toContainText(/"model":\s*"gemini-omni-flash"/);
  });

  test("gemini-omni-flash: Image-to-Video, R2V and Video Edit each reach a video of the requested frame", async ({ page }) => {
    const pg = new PlaygroundPage(page);
    await pg.goto("", "/models/gemini-omni-flash");
    await pg.mode("Image-to-Video");
    await pg.prompt.fill("The scene slowly comes alive");
    await pg.choose("Duration", "4 s");
    await page.getByLabel("Resolution").selectOption("1080P");
    await pg.upload("First-frame image", "still.png");
    await pg.run.click();
    expect(await pg.waitForVideo()).toMatchObject({ width: 1920, height: 1080, duration: expect.closeTo(4, 1) });

    await pg.mode("R2V");
    await pg.prompt.fill("A product turntable guided by the references");
    await pg.choose("Duration", "10 s");
    for (const [i, file] of ["ref-1.jpg", "ref-2.jpg", "ref-3.jpg"].entries()) await pg.upload(`Reference image ${i + 1}`, file);
    await pg.run.click();
    await expect(pg.status).not.toHaveText("succeeded");
    expect(await pg.waitForVideo()).toMatchObject({ width: 1920, height: 1080, duration: expect.closeTo(10, 1) });

    await pg.mode("Video Edit");
    await pg.prompt.fill("Make it look like a warm film print");
    await page.getByLabel("Resolution").selectOption("720P");
    await pg.choose("Aspect ratio", "9:16");
    await pg.upload("Source video", "source.mp4");
    await pg.run.click();
    await expect(pg.status).not.toHaveText("succeeded");
    expect(await pg.waitForVideo()).toMatchObject({ width: 720, height: 1280, duration: expect.closeTo(4, 1) });
  });

  test("the embed of gemini-omni-flash takes its own presets and refuses the other model's values", async ({ page }) => {
    await page.goto("/embed/gemini-omni-flash?duration=4&resolution=1080P");
    await expect(page.getByRole("radio", { name: "4 s" })).toBeChecked();
    await expect(page.getByLabel("Resolution")).toHaveValue("1080P");
    await page.goto("/embed/nano-banana-2?duration=4");
    await expect(page.getByRole("radio", { name: "6 s" })).toBeChecked();
    await expect(page.getByText("duration must be 6 or 10 (seconds).")).toBeVisible();
    expect((await page.goto("/embed/no-such-model"))?.status()).toBe(404);
  });
});
