import { expect, type Page, test } from "@playwright/test";
import { countRequests, PlaygroundPage } from "./playground-page";

test.describe("every mode reaches a playing video", () => {
  test("Text-to-Video, 16:9, 6 s", async ({ page }) => {
    const pg = new PlaygroundPage(page);
    await pg.goto();
    await pg.prompt.fill("A cinematic city sunrise with soft fog and moving traffic.");
    await pg.run.click();
    await expect(pg.status).toHaveText(/queued|running/);
    const video = await pg.waitForVideo();
    expect(video).toMatchObject({ width: 1280, height: 720 });
    expect(video.duration).toBeCloseTo(6, 1);
    // The create and at least one poll are shown with their JSON.
    await expect(pg.exchanges.getByText("POST", { exact: true })).toHaveCount(1);
    expect(await pg.exchanges.getByText("GET", { exact: true }).count()).toBeGreaterThan(0);
    await expect(page.getByRole("group", { name: "request 1 JSON" })).toContainText(/"mode":\s*"text-to-video"/);
    await expect(page.getByTestId("video-measured")).toHaveText("Playing 1280×720 · 6.00 s");
  });

  test("Image-to-Video from an uploaded image, 9:16", async ({ page }) => {
    const pg = new PlaygroundPage(page);
    await pg.goto();
    await pg.mode("Image-to-Video");
    await pg.prompt.fill("The scene slowly comes alive");
    await pg.choose("Aspect ratio", "9:16");
    await pg.upload("First-frame image", "still.png");
    await pg.run.click();
    const video = await pg.waitForVideo();
    expect(video).toMatchObject({ width: 720, height: 1280 });
    expect(video.duration).toBeCloseTo(6, 1);
    // The upload is part of the run's exchanges: its ticket, then the file with the ticket.
    await expect(pg.exchanges.getByText("/api/upload-tickets")).toHaveCount(1);
    await expect(pg.exchanges.getByText("/api/uploads")).toHaveCount(1);
    const ticket = pg.exchanges.getByRole("listitem", { name: /^Upload ticket: POST 200/ });
    await ticket.locator("summary").click();
    await expect(ticket.getByRole("group", { name: "request 1 JSON" })).toContainText(/"size":\s*\d+/);
    await expect(ticket.getByRole("group", { name: "response 1 JSON" })).toContainText(/"ticket":\s*"t1\./);
    // The ticket call ends at the playground's server: no upstream key is noted for it.
    await expect(ticket).not.toContainText(/authorization/i);
    const upload = pg.exchanges.getByRole("listitem", { name: /^Upload media: POST 200/ });
    await upload.locator("summary").click();
    await expect(upload).toContainText(/x-upload-ticket\s*t1\./);
    await expect(upload).toContainText(/authorization/i);
  });

  test("R2V with three references, 10 s", async ({ page }) => {
    const pg = new PlaygroundPage(page);
    await pg.goto();
    await pg.mode("R2V");
    await pg.prompt.fill("A product turntable guided by the references");
    await pg.choose("Duration", "10 s");
    await pg.upload("Reference image 1", "ref-1.jpg");
    await pg.upload("Reference image 2", "ref-2.jpg");
    await expect(page.getByText(/R2V takes 1 or 3 reference images, not 2/).first()).toBeVisible();
    await expect(pg.run).toBeDisabled();
    await pg.upload("Reference image 3", "ref-3.jpg");
    await expect(pg.run).toBeEnabled();
    await pg.run.click();
    const video = await pg.waitForVideo();
    expect(video).toMatchObject({ width: 1280, height: 720 });
    expect(video.duration).toBeCloseTo(10, 1);
  });

  test("Video Edit of an uploaded video follows the source's length", async ({ page }) => {
    const pg = new PlaygroundPage(page);
    await pg.goto();
    await pg.mode("Video Edit");
    await expect(page.getByRole("group", { name: "Duration" })).toHaveCount(0);
    await pg.prompt.fill("Make it look like a warm film print");
    await pg.choose("Aspect ratio", "9:16");
    await pg.upload("Source video", "source.mp4");
    await pg.run.click();
    const video = await pg.waitForVideo();
    expect(video).toMatchObject({ width: 720, height: 1280 });
    expect(video.duration).toBeCloseTo(4, 1);
    // Exchanges 1 and 2 are the upload's ticket and the upload; 3 is the create.
    await expect(page.getByRole("group", { name: "request 3 JSON" })).toContainText('"video_url"');
    await expect(page.getByRole("group", { name: "request 3 JSON" })).not.toContainText('"duration"');
  });
});

/** The scripts a page names in its HTML (its first load); any other chunk is fetched later, on demand. */
async function firstLoadScripts(page: Page, path: string): Promise<Set<string>> {
  const html = await (await page.request.get(path)).text();
  return new Set([...html.matchAll(/(?:src|href)="(\/_next\/static\/chunks\/[^"]+\.js)"/g)].map((m) => m[1]));
}

test.describe("the first click", () => {
  test("a run submitted before the task engine has loaded is queued, shown as creating, and sent once", async ({ page }) => {
    // The chunk with TanStack Query (the task engine, loaded once the page is idle) arrives only 2 s after
    // the click; everything else (the form's checks the click needs) at once. So the run is submitted
    // before the engine is there.
    let click!: () => void;
    const clicked = new Promise<number>((resolve) => (click = () => resolve(Date.now())));
    await page.route(/\/_next\/static\/chunks\/.*\.js$/, async (route) => {
      const response = await route.fetch();
      if ((await response.text()).includes("No QueryClient set")) {
        const at = await clicked;
        await new Promise((r) => setTimeout(r, at + 2000 - Date.now()));
      }
      await route.fulfill({ response });
    });
    const creates: string[] = [];
    page.on("request", (r) => r.method() === "POST" && r.url().endsWith("/api/tasks") && creates.push(r.url()));
    const pg = new PlaygroundPage(page);
    // A shared link with a prompt: the server already found it runnable, so the button is enabled at once.
    await pg.goto("?prompt=A%20lighthouse%20at%20dusk");
    await expect(pg.run).toBeEnabled();
    // Hydrated (the mark the run button sets once its handlers are attached), the engine still on its way.
    await page.waitForFunction(() => performance.getEntriesByName("run-button-usable").length > 0);
    click();
    await pg.run.click();
    await expect(page.getByRole("button", { name: "Creating task…" })).toBeDisabled();
    expect(creates).toHaveLength(0);
    const video = await pg.waitForVideo();
    expect(video).toMatchObject({ width: 1280, height: 720 });
    expect(creates).toHaveLength(1);
  });

  test("when the late chunks cannot be fetched, the playground says what is missing and stays on the page", async ({ page }) => {
    const initial = await firstLoadScripts(page, "/");
    // Every script the page did not name in its HTML fails, as on a dropped connection or after a deploy.
    await page.route(/\/_next\/static\/chunks\/.*\.js$/, (route) =>
      initial.has(new URL(route.request().url()).pathname) ? route.continue() : route.abort(),
    );
    const { creates } = countRequests(page);
    const pg = new PlaygroundPage(page);
    const prompt = "A lighthouse at dusk";
    await pg.goto(`?prompt=${encodeURIComponent(prompt)}`);
    await expect(page.getByRole("alert").filter({ hasText: "The task engine could not be loaded" })).toBeVisible();
    await expect(page.getByRole("alert").filter({ hasText: "The code export could not be loaded" })).toBeVisible();
    // The schema's checks (zod) cannot be fetched either: a run is refused with the reason, nothing is sent
    // unchecked, and the next click tries again.
    await pg.run.click();
    await expect(page.getByRole("alert").filter({ hasText: "Not sent: the form's checks could not be loaded" })).toBeVisible();
    // Parts loaded on first use say which part is missing; the rest of the form stays, with what was typed.
    await pg.mode("Image-to-Video");
    await expect(page.getByRole("alert").filter({ hasText: "The first-frame image field could not be loaded" })).toBeVisible();
    await pg.mode("R2V");
    await expect(page.getByRole("alert").filter({ hasText: "The reference images field could not be loaded" })).toBeVisible();
    await page.getByRole("button", { name: "Embed", exact: true }).click();
    await expect(page.getByRole("alert").filter({ hasText: "The embed code could not be loaded" })).toBeVisible();
    await expect(pg.prompt).toHaveValue(prompt);
    await expect(pg.run).toBeVisible();
    expect(creates).toHaveLength(0);
  });
});
