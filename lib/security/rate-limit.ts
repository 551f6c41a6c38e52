import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { ApiError } from "@/lib/errors";
import { redis } from "@/lib/redis";
import { deploymentCreatesPerDay, LIMITS, type LimitName, limitOf, redisUrl } from "./config";

/**
 * Fixed-window counters per client, kept by rate-limiter-flexible: in Redis when REDIS_URL is set (one
 * atomic INCR+EXPIRE script, so every instance counts into the same window), in memory otherwise. When
 * Redis is unreachable, each instance falls back to its own memory counters (limits stay, per instance)
 * rather than failing every call.
 */

type LimiterGlobal = { __nb2Limiters?: Map<string, RateLimiterAbstract> };

function limiters(): Map<string, RateLimiterAbstract> {
  const g = globalThis as LimiterGlobal;
  g.__nb2Limiters ??= new Map();
  return g.__nb2Limiters;
}

/** A counter family: one of the limits, the single-use register of upload tickets, or the deployment's budget. */
type CounterName = LimitName | "uploadTicket" | "deploymentDaily";

function memoryLimiter(name: CounterName, points: number, duration: number): RateLimiterAbstract {
  const key = `mem:${name}:${points}:${duration}`;
  let limiter = limiters().get(key);
  if (!limiter) {
    limiter = new RateLimiterMemory({ keyPrefix: `nb2rl:${name}`, points, duration });
    limiters().set(key, limiter);
  }
  return limiter;
}

async function limiterFor(name: CounterName, points: number, duration: number): Promise<RateLimiterAbstract> {
  const url = redisUrl();
  if (!url) return memoryLimiter(name, points, duration);
  let client: Awaited<ReturnType<typeof redis>>;
  try {
    client = await redis();
  } catch {
    return memoryLimiter(name, points, duration);
  }
  const key = `redis:${url}:${name}:${points}:${duration}`;
  let limiter = limiters().get(key);
  if (!limiter) {
    limiter = new RateLimiterRedis({
      storeClient: client,
      useRedisPackage: true,
      keyPrefix: `nb2rl:${name}`,
      points,
      duration,
      insuranceLimiter: memoryLimiter(name, points, duration) as RateLimiterMemory,
    });
    limiters().set(key, limiter);
  }
  return limiter;
}

/** The contract's 429 for one exhausted limit, with Retry-After in whole seconds. */
export function rateLimitError(name: LimitName, limit: number, msBeforeNext: number, requestId?: string): ApiError {
  const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  const spec = LIMITS[name];
  return new ApiError(
    429,
    "rate_limit_exceeded",
    `Too many requests from your address: the limit is ${limit} ${spec.what}. Try again in ${seconds} s.`,
    { requestId, headers: { "retry-after": String(seconds) } },
  );
}

/**
 * Counts one request of `client` against the limit `name`; throws the 429 ApiError when the limit is
 * exhausted. A limit configured as 0 is off.
 */
export async function consume(name: LimitName, client: string, requestId?: string): Promise<void> {
  const { points, durationSec } = limitOf(name);
  if (points === 0) return;
  const limiter = await limiterFor(name, points, durationSec);
  try {
    await limiter.consume(client, 1);
  } catch (res) {
    if (res instanceof RateLimiterRes) throw rateLimitError(name, points, res.msBeforeNext, requestId);
    // The store failed and there is no insurance left: do not turn a counter problem into an outage.
    console.error(`[rate-limit] ${name}: counter unavailable`);
  }
}

/**
 * Marks `id` as used for `ttlSec` seconds and tells whether this was its first use: the single-use rule of
 * upload tickets. Kept like the limits (one point per id, in Redis when REDIS_URL is set), so a ticket
 * spent on one instance is spent on all. Should the store fail, the use is let through: a ticket still
 * expires within minutes and its upload is still charged to the daily quota.
 */
export async function claimOnce(id: string, ttlSec: number): Promise<boolean> {
  const limiter = await limiterFor("uploadTicket", 1, ttlSec);
  try {
    await limiter.consume(id, 1);
    return true;
  } catch (res) {
    if (res instanceof RateLimiterRes) return false;
    console.error("[rate-limit] uploadTicket: register unavailable");
    return true;
  }
}

/** The one key the deployment's budget counts under (all clients, all instances). */
const DEPLOYMENT_KEY = "all";
const DAY_SECONDS = 24 * 60 * 60;

/**
 * Counts one task creation against the deployment's daily budget (DEPLOYMENT_CREATE_PER_DAY, all
 * clients and instances together; in Redis when REDIS_URL is set). Throws the 429 whose message says it
 * is the deployment's budget, not the visitor's own limit.
 */
export async function consumeDeploymentBudget(requestId?: string): Promise<void> {
  const points = deploymentCreatesPerDay();
  if (points === 0) return;
  const limiter = await limiterFor("deploymentDaily", points, DAY_SECONDS);
  try {
    await limiter.consume(DEPLOYMENT_KEY, 1);
  } catch (res) {
    if (!(res instanceof RateLimiterRes)) {
      console.error("[rate-limit] deploymentDaily: counter unavailable");
      return;
    }
    const seconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
    const hours = Math.floor(seconds / 3600);
    const minutes = Math.ceil((seconds % 3600) / 60);
    throw new ApiError(
      429,
      "rate_limit_exceeded",
      `This playground has used its daily budget of ${points} task creations, shared by all its visitors: this is the deployment's limit, not yours. New tasks can be created again in ${hours} h ${minutes} min.`,
      { requestId, headers: { "retry-after": String(seconds) } },
    );
  }
}

/** The deployment's budget as the operator sees it: creations counted in the current day's window, the limit, when it resets. */
export async function deploymentBudget(): Promise<{ used: number; limit: number; resetsAt: string | null }> {
  const limit = deploymentCreatesPerDay();
  const limiter = await limiterFor("deploymentDaily", Math.max(1, limit), DAY_SECONDS);
  const res = await limiter.get(DEPLOYMENT_KEY).catch(() => null);
  return {
    // Refused attempts count as points too: the budget spent is at most the limit.
    used: Math.min(res?.consumedPoints ?? 0, limit || Number.POSITIVE_INFINITY),
    limit,
    resetsAt: res ? new Date(Date.now() + res.msBeforeNext).toISOString() : null,
  };
}
