import { afterEach, describe, expect, it } from "vitest";
import { ApiError } from "@/lib/errors";
import { guardProxyCall } from "@/lib/security/guard";
import type { UpstreamAnswer } from "./client";
import { POLL_SHARE_MS, sharedPoll, upstreamPollCount } from "./poll-cache";

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

const answer = (status: number, body: unknown): UpstreamAnswer => ({
  status,
  body,
  method: "GET",
  url: "http://upstream.test/v1/tasks/x",
  latencyMs: 5,
  headers: new Headers(),
});

describe("polls shared across clients", () => {
  it("sends one upstream poll for 500 viewers of a task within a second, and a new one after it", async () => {
    delete process.env.REDIS_URL;
    const id = `task_shared_${Date.now()}`;
    let calls = 0;
    const call = async () => {
      calls++;
      await new Promise((r) => setTimeout(r, 20));
      return answer(200, { task_id: id, status: "running", progress: calls });
    };
    const before = upstreamPollCount();
    const viewers = await Promise.all(Array.from({ length: 500 }, () => sharedPoll(id, call)));
    expect(calls).toBe(1);
    expect(new Set(viewers.map((v) => (v.body as { progress: number }).progress))).toEqual(new Set([1]));
    expect((await sharedPoll(id, call)).body).toMatchObject({ progress: 1 });
    expect(calls).toBe(1);
    // A second later, the answer is asked for again.
    expect((await sharedPoll(id, call, Date.now() + POLL_SHARE_MS + 1)).body).toMatchObject({ progress: 2 });
    expect(upstreamPollCount() - before).toBe(2);
  });

  it("never keeps an error: the next poll asks the upstream again", async () => {
    delete process.env.REDIS_URL;
    const id = `task_error_${Date.now()}`;
    let calls = 0;
    const call = async () => answer(++calls === 1 ? 500 : 200, { n: calls });
    expect((await sharedPoll(id, call)).status).toBe(500);
    expect((await sharedPoll(id, call)).status).toBe(200);
    expect(calls).toBe(2);
  });
});

describe("cross-site reads of the API", () => {
  const get = (headers: Record<string, string>) =>
    guardProxyCall(
      new Request("http://play.example.com/api/tasks/task_abc", { headers: { host: "play.example.com", ...headers } }),
      "poll",
    );

  it("refuses a GET from another site's page (an <img src> or fetch there) like a cross-site write", async () => {
    delete process.env.PLAYGROUND_ACCESS_TOKEN;
    process.env.RATE_LIMIT_POLL_PER_MINUTE = "0";
    await expect(get({ "sec-fetch-site": "cross-site", "sec-fetch-mode": "no-cors", "sec-fetch-dest": "image" })).rejects.toMatchObject({
      status: 403,
      type: "permission_error",
    });
    await expect(get({ "sec-fetch-site": "cross-site", origin: "https://evil.example" })).rejects.toBeInstanceOf(ApiError);
    await expect(get({ "sec-fetch-site": "same-origin" })).resolves.toBeUndefined();
    await expect(get({})).resolves.toBeUndefined();
  });
});
