import { createClient } from "redis";
import { redisUrl } from "@/lib/security/config";

/**
 * The one Redis connection of this process, when REDIS_URL is set (several instances share rate-limit
 * counters and the simulator's state through it). node-redis (`redis`) is Redis's own client, typed,
 * and supported by rate-limiter-flexible; commands fail fast while disconnected (no offline queue), so
 * a Redis outage turns into quick errors instead of hanging requests.
 */
function makeClient(url: string) {
  return createClient({
    url,
    disableOfflineQueue: true,
    socket: { connectTimeout: CONNECT_TIMEOUT_MS, reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2_000) },
  });
}
export type RedisClient = ReturnType<typeof makeClient>;

const CONNECT_TIMEOUT_MS = 2_000;

type RedisGlobal = { __nb2Redis?: { url: string; client: RedisClient; ready: Promise<unknown> } };

/** The connected client for REDIS_URL, or null without one. Throws when Redis cannot be reached in time. */
export async function redis(): Promise<RedisClient | null> {
  const url = redisUrl();
  if (!url) return null;
  const g = globalThis as RedisGlobal;
  if (!g.__nb2Redis || g.__nb2Redis.url !== url) {
    const client = makeClient(url);
    let logged = false;
    client.on("error", (err: unknown) => {
      // Once per outage, and never the URL (it may hold a password): the error code or message only.
      const text = err instanceof Error ? ((err as NodeJS.ErrnoException).code ?? err.message) : "unknown";
      if (!logged) console.error("[redis] connection error:", text.replaceAll(redisUrl() ?? "\0", "<REDIS_URL>").slice(0, 200));
      logged = true;
    });
    client.on("ready", () => {
      logged = false;
    });
    // Waited for once, at most CONNECT_TIMEOUT_MS: while Redis stays away, later calls fail at once.
    const ready = Promise.race([
      client.connect().catch(() => undefined),
      new Promise((resolve) => setTimeout(resolve, CONNECT_TIMEOUT_MS).unref()),
    ]);
    g.__nb2Redis = { url, client, ready };
  }
  const { client, ready } = g.__nb2Redis!;
  if (!client.isReady) await ready;
  if (!client.isReady) throw new Error("Redis is not reachable");
  return client;
}

/** Closes the connection (tests and shutdown). */
export async function closeRedis(): Promise<void> {
  const g = globalThis as RedisGlobal;
  const current = g.__nb2Redis;
  g.__nb2Redis = undefined;
  if (!current?.client.isOpen) return;
  if (current.client.isReady) await current.client.quit().catch(() => undefined);
  else current.client.destroy();
}
