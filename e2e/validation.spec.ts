import { expect, test } from "@playwright/test";
import { PlaygroundPage } from "./playground-page";

test.describe("refused input is shown and never sent", () => {
  test("errors appear as the user types, name the allowed values, and nothing typed is lost", async ({ page }) => {
    const creates: string[] = [];
    page.on("request", (r) => r.url().endsWith("/api/tasks") && creates.push(r.method()));
    const pg = new PlaygroundPage(page);
    await pg.goto();

    await expect(pg.run).toBeDisabled();
    await expect(page.getByText(/Cannot run yet: prompt is required/)).toBeVisible();

    const long = "a".repeat(2001);
    await pg.prompt.fill(long);
    await expect(page.getByRole("alert").filter({ hasText: "prompt is 2001 characters; the limit is 2000 characters." })).toBeVisible();
    await expect(page.getByText("2001 / 2000 characters")).toBeVisible();
    await expect(pg.run).toBeDisabled();
    await expect(pg.prompt).toHaveAttribute("aria-invalid", "true");

    // Switching modes keeps what applies; the bad URL of Image-to-Video is flagged with the rule.
    await pg.mode("Image-to-Video");
    await expect(pg.prompt).toHaveValue(long);
    await page.getByLabel("First-frame image URL").fill("http://example.com/frame.png");
    await expect(page.getByText("image_url must be an https:// URL (plain http is accepted only for localhost).")).toBeVisible();

    await pg.mode("R2V");
    await page.getByLabel("Reference image 1 URL").fill("https://cdn.example.com/a.png");
    await page.getByLabel("Reference image 2 URL").fill("https://cdn.example.com/b.png");
    await expect(page.getByRole("alert").filter({ hasText: /R2V takes 1 or 3 reference images, not 2/ })).toBeVisible();

    // Back in Image-to-Video, everything typed is still there.
    await pg.mode("Image-to-Video");
    await expect(page.getByLabel("First-frame image URL")).toHaveValue("http://example.com/frame.png");

    await pg.run.click({ force: true });
    expect(creates).toEqual([]);
  });

  test("a media URL previews only once the field accepts it, and a broken one shows no image", async ({ page, baseURL }) => {
    const fetched: string[] = [];
    page.on("request", (r) => r.resourceType() === "image" && fetched.push(r.url()));
    const cspErrors: string[] = [];
    page.on("console", (m) => m.type() === "error" && /Content Security Policy/.test(m.text()) && cspErrors.push(m.text()));
    const pg = new PlaygroundPage(page);
    await pg.goto();
    await pg.mode("Image-to-Video");
    const url = page.getByLabel("First-frame image URL");
    const preview = page.getByRole("img", { name: "Preview of the first-frame image" });

    await url.fill("not a url");
    await expect(page.getByText(/image_url must be an https:\/\/ URL/)).toBeVisible();
    await expect(preview).toHaveCount(0);
    await url.fill("http://example.com/frame.png");
    await expect(preview).toHaveCount(0);

    // An address of the page's own origin that is an image: previewed.
    await url.fill(`${baseURL}/favicon.svg`);
    await expect(preview).toBeVisible();
    // One that answers 404: no broken image left in the drop zone.
    await url.fill(`${baseURL}/no-such-frame.png`);
    await expect(preview).toHaveCount(0);

    expect(fetched.filter((u) => u.includes("not%20a%20url") || u.includes("example.com"))).toEqual([]);
    expect(cspErrors).toEqual([]);
  });

  test("the server refuses an out-of-range value sent anyway, with the field and the allowed values", async ({ request }) => {
    const res = await request.post("/api/tasks", {
      data: { model: "nano-banana-2", mode: "text-to-video", input: { prompt: "A cinematic city sunrise", duration: 5 } },
    });
    expect(res.status()).toBe(400);
    const json = await res.json();
    expect(json.error).toMatchObject({
      type: "invalid_request_error",
      param: "input.duration",
      message: "duration must be 6 or 10 (seconds).",
    });
  });

  test("a file of the wrong type is refused before upload with the allowed types", async ({ page }) => {
    const pg = new PlaygroundPage(page);
    await pg.goto();
    await pg.mode("Image-to-Video");
    const uploads: string[] = [];
    page.on("request", (r) => /\/api\/(uploads|upload-tickets)$/.test(r.url()) && uploads.push(r.url()));
    await page
      .getByLabel("Upload first-frame image")
      .setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("hello") });
    await expect(page.getByText(/notes\.txt was refused\. Images must be JPEG, PNG or WebP, at most 10 MB\./)).toBeVisible();
    expect(uploads).toEqual([]);
  });
});
