import { expect, test } from "@playwright/test";
import { MODELS } from "../lib/models/registry";
import { ERRORS, GATEWAY_ANSWERS } from "../lib/spec/contract";

/**
 * Pages for agents and errors that point at the docs, on the built server: /llms.txt and the Markdown
 * guides with their content types, the guide's link to its Markdown, and an error envelope's doc_url
 * followed to the guide's anchor. API calls are made like curl's: JSON, no Origin, no Sec-Fetch-* headers.
 */

test("/llms.txt lists every guide's Markdown, each served as text/markdown in its language", async ({ request }) => {
  const res = await request.get("/llms.txt");
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("text/plain; charset=utf-8");
  expect(res.headers()["cache-control"]).toMatch(/public, max-age=\d+/);
  const txt = await res.text();
  expect(txt).toMatch(/^# .+\n\n> .+/);
  // Absolute on PUBLIC_ORIGIN when it is set (the e2e servers set it), root-relative otherwise: compare paths.
  const links = [...txt.matchAll(/\]\(([^)]+\.md)\)/g)].map((m) => new URL(m[1], res.url()).pathname);
  expect(links).toEqual(
    expect.arrayContaining(["/models/nano-banana-2.md", "/ru/models/nano-banana-2.md", "/models/gemini-omni-flash.md"]),
  );
  for (const link of links) {
    const md = await request.get(link);
    expect(md.status(), link).toBe(200);
    expect(md.headers()["content-type"], link).toBe("text/markdown; charset=utf-8");
  }
});

test("/models/nano-banana-2.md and /ru/models/nano-banana-2.md are the guide in English and in Russian", async ({ request }) => {
  const en = await request.get("/models/nano-banana-2.md");
  expect(en.headers()["content-type"]).toBe("text/markdown; charset=utf-8");
  const enText = await en.text();
  expect(enText).toMatch(/^# nano-banana-2 API\n/);
  expect(enText).toContain("## Parameters");
  expect(enText).toContain("`6` or `10` (seconds)");
  expect(enText).toContain('"mode": "video-edit"');

  const ru = await request.get("/ru/models/nano-banana-2.md");
  expect(ru.headers()["content-type"]).toBe("text/markdown; charset=utf-8");
  const ruText = await ru.text();
  expect(ruText).toContain("## Параметры");
  expect(ruText).toContain("`6` или `10` (секунд)");
  expect((await request.get("/models/no-such-model.md")).status()).toBe(404);
});

test("the guide links its Markdown version, and the home guide links its canonical model's", async ({ page, request }) => {
  for (const [path, markdown] of [
    ["/", "/models/nano-banana-2.md"],
    ["/ru", "/ru/models/nano-banana-2.md"],
    ["/models/gemini-omni-flash", "/models/gemini-omni-flash.md"],
  ]) {
    await page.goto(path);
    // Absolute on the page's origin (the alternates are; hreflang needs it), so the path is compared.
    const href = await page.locator('link[rel="alternate"][type="text/markdown"]').getAttribute("href");
    expect(new URL(href ?? "", page.url()).pathname).toBe(markdown);
    expect((await request.get(markdown)).status()).toBe(200);
  }
});

test("a curl to /api/tasks that the gateway answers “invalid apitype: -1” gets a hint naming the chat endpoint and a doc_url to the guide", async ({
  request,
  page,
}) => {
  const res = await request.post("/api/tasks", {
    headers: { "content-type": "application/json", "x-simulate": "chat-endpoint" },
    data: { model: "nano-banana-2", mode: "text-to-video", input: { prompt: "A fox in fresh snow" } },
  });
  expect(res.status()).toBe(400);
  const { error } = await res.json();
  expect(error.message).toMatch(/^invalid apitype: -1/);
  expect(error.hint).toMatch(/went to a chat endpoint/);
  expect(error.hint).toContain("POST /api/tasks");
  const url = new URL(error.doc_url, res.url());
  expect(url.pathname).toBe("/models/nano-banana-2");
  await page.goto(url.href);
  const entry = page.locator(`[id="${url.hash.slice(1)}"]`);
  await expect(entry).toContainText("invalid apitype: -1");
  await expect(entry).toBeInViewport();
});

test("the errors a curl can meet have a doc_url whose anchor is the error's row on the guide", async ({ request, page }) => {
  const body = { model: "gemini-omni-flash", mode: "text-to-video", input: { prompt: "A fox in fresh snow" } };
  const cases: { type: string; res: Promise<import("@playwright/test").APIResponse> }[] = [
    { type: "invalid_request_error", res: request.post("/api/tasks", { data: { ...body, input: { ...body.input, duration: 5 } } }) },
    { type: "authentication_error", res: request.post("/api/tasks", { data: body, headers: { "x-simulate": "wrong-key" } }) },
    { type: "rate_limit_exceeded", res: request.post("/api/tasks", { data: body, headers: { "x-simulate": "rate-limit-always" } }) },
    { type: "not_found_error", res: request.get("/api/tasks/task_doesnotexist") },
  ];
  for (const c of cases) {
    const res = await c.res;
    const { error } = await res.json();
    expect(error.type, c.type).toBe(c.type);
    expect(error.hint, c.type).toBeTruthy();
    const url = new URL(error.doc_url, res.url());
    expect(url.hash).toBe(`#error-${c.type}`);
    await page.goto(url.href);
    const row = page.locator(`tr[id="error-${c.type}"]`);
    await expect(row.locator("th")).toHaveText(c.type);
    await expect(row).toBeInViewport();
  }
});

// lib/error-docs.test.ts proves doc_url is `#error-{type}` (and the FAQ entry for the gateway answer); here, that the built page has them.
test("every error type's anchor, and the gateway answer's FAQ entry, is on the rendered guide of each model", async ({ page }) => {
  for (const model of MODELS) {
    await page.goto(`/models/${model.id}`);
    for (const e of ERRORS) await expect(page.locator(`tr[id="error-${e.type}"] th`), e.type).toHaveText(e.type);
    const faq = model.texts.en.faq.findIndex((item) => item.a === GATEWAY_ANSWERS[0].explanation);
    await expect(page.locator(`[id="faq-${faq}"]`)).toContainText(GATEWAY_ANSWERS[0].match);
  }
});
