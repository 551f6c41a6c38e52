import { afterEach, describe, expect, it } from "vitest";
import { operatorView } from "@/lib/operator";
import { chargeDailyQuota } from "./guard";

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

describe("the deployment's daily budget (DEPLOYMENT_CREATE_PER_DAY)", () => {
  it("refuses creations past it across all clients with a 429 that says it is the deployment's budget, not the visitor's", async () => {
    delete process.env.REDIS_URL;
    process.env.DEPLOYMENT_CREATE_PER_DAY = "3";
    process.env.RATE_LIMIT_CREATE_PER_DAY = "100";
    for (const ip of ["198.51.100.1", "198.51.100.2", "198.51.100.3"]) await chargeDailyQuota(ip, "create");
    const refused = chargeDailyQuota("203.0.113.50", "create");
    await expect(refused).rejects.toMatchObject({ status: 429, type: "rate_limit_exceeded" });
    await expect(refused).rejects.toThrow(
      /daily budget of 3 task creations, shared by all its visitors: this is the deployment's limit, not yours/,
    );
    // Uploads are not task creations.
    await expect(chargeDailyQuota("203.0.113.50", "upload")).resolves.toBeUndefined();
  });

  it("is shown to the operator (access token or loopback), and to no visitor", async () => {
    delete process.env.REDIS_URL;
    process.env.DEPLOYMENT_CREATE_PER_DAY = "3";
    process.env.PLAYGROUND_ACCESS_TOKEN = "op-token-123";
    process.env.TRUSTED_PROXY_COUNT = "0";
    const visitor = new Headers({ "x-forwarded-for": "198.51.100.9" });
    await expect(operatorView(visitor)).rejects.toMatchObject({ status: 404 });
    await expect(operatorView(new Headers({ "x-forwarded-for": "198.51.100.9", authorization: "Bearer wrong" }))).rejects.toMatchObject({
      status: 404,
    });
    const withToken = await operatorView(new Headers({ "x-forwarded-for": "198.51.100.9", authorization: "Bearer op-token-123" }));
    const view = (await withToken.json()) as { deployment_budget: { creates_today: number; limit: number } };
    expect(view.deployment_budget).toMatchObject({ creates_today: 3, limit: 3 });
    const fromLoopback = await operatorView(new Headers({ "x-forwarded-for": "127.0.0.1" }));
    expect(fromLoopback.status).toBe(200);
  });
});
