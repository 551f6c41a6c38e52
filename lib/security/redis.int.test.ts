import { createClient } from "redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeRedis } from "@/lib/redis";
import { RedisStore } from "@/lib/simulator/redis-store";
import type { SimTask } from "@/lib/simulator/store";
import { type RedisServer, startRedisServer } from "@/lib/testing/redis-server";
import { consume } from "./rate-limit";

/** The shared state in a real redis-server (started here, never assumed running). */
let server: RedisServer;
let probe: ReturnType<typeof createClient>;
const saved = { ...process.env };

beforeAll(async () => {
  server = await startRedisServer();
  process.env.REDIS_URL = server.url;
  probe = createClient({ url: server.url, socket: { reconnectStrategy: false } });
  probe.on("error", () => undefined);
  await probe.connect();
}, 120_000);

afterAll(async () => {
  if (probe?.isOpen) probe.destroy();
  await closeRedis();
  await server?.stop();
  process.env = saved;
});

describe("rate limits in Redis", () => {
  it("count into Redis, so every instance sees the same window", async () => {
    process.env.RATE_LIMIT_POLL_PER_MINUTE = "2";
    await consume("poll", "192.0.2.10");
    await consume("poll", "192.0.2.10");
    expect(await probe.get("nb2rl:poll:192.0.2.10")).toBe("2");
    const ttl = await probe.ttl("nb2rl:poll:192.0.2.10");
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60);
    // Another instance's counting is the same key: add one from outside and the next call is refused.
    await probe.set("nb2rl:poll:192.0.2.11", "2", { expiration: { type: "EX", value: 60 } });
    await expect(consume("poll", "192.0.2.11")).rejects.toMatchObject({ status: 429, type: "rate_limit_exceeded" });
    await expect(consume("poll", "192.0.2.10")).rejects.toMatchObject({ status: 429 });
  });
});

describe("RedisStore", () => {
  it("keeps the simulator's tasks and file records for every instance, with an expiry", async () => {
    const store = new RedisStore("nb2sim-test");
    const task: SimTask = {
      task_id: "task_abc",
      request: {
        model: "nano-banana-2",
        mode: "text-to-video",
        input: { prompt: "p", aspect_ratio: "16:9", duration: 6, resolution: "720P" },
      },
      createdAt: 1,
      queueMs: 2,
      runMs: 3,
      render: { state: "pending" },
    };
    await store.putTask(task);
    expect(await new RedisStore("nb2sim-test").getTask("task_abc")).toEqual(task);
    expect(await store.getTask("task_missing")).toBeUndefined();
    await store.putFile({ id: "vid_1", path: "/shared/vid_1.mp4", mime: "video/mp4", size: 10, createdAt: 5 });
    expect(await store.getFile("vid_1")).toMatchObject({ path: "/shared/vid_1.mp4" });
    // As long as the files are kept (SIMULATOR_RETENTION_HOURS, default 24 h), no longer.
    const ttl = await probe.ttl("nb2sim-test:task:task_abc");
    expect(ttl).toBeGreaterThan(23 * 60 * 60);
    expect(ttl).toBeLessThanOrEqual(24 * 60 * 60);
  });
});

describe("polls shared across instances and task ownership in Redis", () => {
  it("one instance's upstream answer serves the other's viewers within the second", async () => {
    const { sharedPoll } = await import("@/lib/upstream/poll-cache");
    const id = `task_redis_${Date.now()}`;
    let calls = 0;
    const call = async () => {
      calls++;
      return { status: 200, body: { task_id: id, status: "running" }, method: "GET", url: "u", latencyMs: 1, headers: new Headers() };
    };
    expect((await sharedPoll(id, call)).body).toMatchObject({ task_id: id });
    // Another instance: its own memory is empty.
    (globalThis as { __nb2Polls?: unknown }).__nb2Polls = undefined;
    expect((await sharedPoll(id, call)).body).toMatchObject({ task_id: id });
    expect(calls).toBe(1);
    expect(await probe.pTTL(`nb2poll:${id}`)).toBeLessThanOrEqual(1000);
  });

  it("the deployment's daily budget is one counter in Redis for every instance", async () => {
    const { consumeDeploymentBudget } = await import("./rate-limit");
    process.env.DEPLOYMENT_CREATE_PER_DAY = "2";
    await consumeDeploymentBudget();
    expect(await probe.get("nb2rl:deploymentDaily:all")).toBe("1");
    // Another instance's creation, counted into the same key.
    await probe.incr("nb2rl:deploymentDaily:all");
    await expect(consumeDeploymentBudget()).rejects.toMatchObject({
      status: 429,
      message: expect.stringMatching(/deployment's limit, not yours/),
    });
  });

  it("a task created through one instance is owned for every instance", async () => {
    const { isOwned, markOwned } = await import("@/lib/upstream/ownership");
    await markOwned("task_owned_redis");
    (globalThis as { __nb2Owned?: unknown }).__nb2Owned = undefined;
    expect(await isOwned("task_owned_redis")).toBe(true);
    expect(await isOwned("task_never_made")).toBe(false);
    expect(await probe.ttl("nb2own:task_owned_redis")).toBeGreaterThan(47 * 3600);
  });
});

describe("when Redis goes away", () => {
  it("limits fall back to this instance's memory instead of failing the call", async () => {
    process.env.RATE_LIMIT_CREATE_PER_MINUTE = "1";
    await server.stop();
    const started = Date.now();
    await expect(consume("create", "192.0.2.20")).resolves.toBeUndefined();
    await expect(consume("create", "192.0.2.20")).rejects.toMatchObject({ status: 429 });
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

describe("when Redis is never reachable", () => {
  it("only the first call waits for it (at most 2 s); the limits still hold in memory", async () => {
    await closeRedis();
    process.env.REDIS_URL = "redis://127.0.0.1:9";
    process.env.RATE_LIMIT_UPLOAD_PER_MINUTE = "1";
    const t0 = Date.now();
    await consume("upload", "192.0.2.30");
    expect(Date.now() - t0).toBeLessThan(5_000);
    const t1 = Date.now();
    await expect(consume("upload", "192.0.2.30")).rejects.toMatchObject({ status: 429 });
    expect(Date.now() - t1).toBeLessThan(500);
  });
});
