import { allowedEmbedOrigins } from "@/lib/embed/origins";
/**
 * The deployment's safety settings, read from the environment on every call (tests change it). No
 * secret is returned except the access token, which only lib/security/access.ts reads.
 */

/** One limit: at most `points` requests per `durationSec` seconds. `points: 0` turns it off. */
export type Limit = { points: number; durationSec: number };

export type LimitName = "create" | "createDaily" | "upload" | "uploadDaily" | "poll" | "access";

const MINUTE = 60;
const DAY = 24 * 60 * 60;

/**
 * The limits per client, their environment variables and defaults. The defaults are far above what a
 * person clicking Run ever does (the browser polls at most once a second per task) and low enough
 * that one address cannot drain a paid key.
 */
export const LIMITS: Record<LimitName, { env: string; points: number; durationSec: number; what: string }> = {
  create: { env: "RATE_LIMIT_CREATE_PER_MINUTE", points: 20, durationSec: MINUTE, what: "task creations per minute" },
  createDaily: { env: "RATE_LIMIT_CREATE_PER_DAY", points: 300, durationSec: DAY, what: "task creations per day" },
  upload: { env: "RATE_LIMIT_UPLOAD_PER_MINUTE", points: 40, durationSec: MINUTE, what: "uploads per minute" },
  uploadDaily: { env: "RATE_LIMIT_UPLOAD_PER_DAY", points: 600, durationSec: DAY, what: "uploads per day" },
  poll: { env: "RATE_LIMIT_POLL_PER_MINUTE", points: 600, durationSec: MINUTE, what: "status polls per minute" },
  access: { env: "RATE_LIMIT_ACCESS_PER_MINUTE", points: 10, durationSec: MINUTE, what: "access token attempts per minute" },
};

/** A non-negative integer from the environment, or the fallback when unset or not one. */
function envInt(name: string, fallback: number): number {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  const n = Number(raw);
  return Number.isInteger(n) && n >= 0 ? n : fallback;
}

/** A comma-separated list of origins, normalised to `scheme://host[:port]`; anything else is dropped. */
export function parseOrigins(raw: string | undefined): string[] {
  const out: string[] = [];
  for (const part of (raw ?? "").split(",")) {
    const value = part.trim();
    if (!value) continue;
    try {
      const url = new URL(value);
      if ((url.protocol === "https:" || url.protocol === "http:") && url.origin !== "null") out.push(url.origin);
    } catch {
      // not an origin: ignored
    }
  }
  return [...new Set(out)];
}

export function limitOf(name: LimitName): Limit {
  const spec = LIMITS[name];
  return { points: envInt(spec.env, spec.points), durationSec: spec.durationSec };
}

/**
 * How many reverse proxies in front of the app append to X-Forwarded-For. 0 (the default) means the
 * app faces the clients directly and no client-sent X-Forwarded-For is ever believed.
 */
export function trustedProxyCount(): number {
  return Math.min(envInt("TRUSTED_PROXY_COUNT", 0), 10);
}

/** Origins other than the app's own that may call its state-changing routes (the embed's hosts). */
export function embedAllowedOrigins(): string[] {
  return allowedEmbedOrigins();
}

/** The shared store for counters and simulator state; null keeps everything in this process's memory. */
export function redisUrl(): string | null {
  return process.env.REDIS_URL?.trim() || null;
}

/**
 * DEPLOYMENT_CREATE_PER_DAY: task creations per day across all clients and instances, whatever each
 * client's own limits allow; what the key may spend in a day through this deployment. 0 turns it off.
 */
export function deploymentCreatesPerDay(): number {
  return envInt("DEPLOYMENT_CREATE_PER_DAY", 1000);
}
