import { expect, test } from "@playwright/test";
import { validate } from "@readme/openapi-parser";

test("the served OpenAPI document passes validation and can be read from another origin", async ({ request, baseURL }) => {
  const res = await request.get("/api/openapi.json", { headers: { origin: "https://docs.example.com" } });
  expect(res.status()).toBe(200);
  expect(res.headers()["access-control-allow-origin"]).toBe("*");
  const doc = await res.json();
  expect(doc.openapi).toBe("3.1.0");
  expect(doc.servers[0].url).toBe(new URL(baseURL!).origin);
  const result = await validate(doc);
  expect(result.valid ? [] : result.errors).toEqual([]);
});
