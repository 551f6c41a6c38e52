import "server-only";
import { ApiError } from "@/lib/errors";
import { DEFAULT_MODEL, MODELS } from "@/lib/models/registry";
/** PUBLIC_ORIGIN, read in lib/public-origin.ts (the one place; it says why it is not here). */
import { publicOrigin } from "@/lib/public-origin";
import { DIALECT_IDS, type DialectId } from "@/lib/upstream/dialects/wire";

export { publicOrigin, publicUrl } from "@/lib/public-origin";

/**
 * The server's configuration, read from the environment on every call (tests change it). The key is
 * read only here and by the upstream client; it never leaves the server.
 */
export type UpstreamConfig = {
  /** Base URL the proxy calls (`{base}/v1/tasks`). */
  baseUrl: string;
  /** True when no UPSTREAM_BASE_URL is set and the embedded simulator answers. */
  simulated: boolean;
  apiKey: string;
  /** Each model's id upstream, by the model's own id (`nano-banana-2` → `gemini_omni` on the gateway). */
  models: Readonly<Record<string, string>>;
  timeoutMs: number;
  /** Which API shape the upstream speaks (UPSTREAM_DIALECT). */
  dialect: DialectId;
  /** Whether the upstream takes a source video (Video Edit); UPSTREAM_SUPPORTS_VIDEO_EDIT, default per dialect. */
  supportsVideoEdit: boolean;
};

/**
 * Each model's upstream id: the spec's default for the dialect, then MODEL_UPSTREAM_IDS
 * (`nano-banana-2=my_id,gemini-omni-flash=other_id`), and UPSTREAM_MODEL, the older name that sets the
 * default model's id alone. An entry naming a model the registry does not have is a configuration error.
 */
export function modelIdsFromEnv(dialect: DialectId): Record<string, string> {
  const ids = Object.fromEntries(MODELS.map((m) => [m.id, m.upstreamId[dialect]]));
  const legacy = process.env.UPSTREAM_MODEL?.trim();
  if (legacy) ids[DEFAULT_MODEL.id] = legacy;
  for (const entry of (process.env.MODEL_UPSTREAM_IDS ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean)) {
    const [id, upstream] = entry.split("=").map((x) => x?.trim());
    if (!id || !upstream || !(id in ids)) {
      throw new ApiError(
        500,
        "internal_error",
        `MODEL_UPSTREAM_IDS entries are model=upstream_id with a model of ${Object.keys(ids).join(", ")}; "${entry}" is not.`,
      );
    }
    ids[id] = upstream;
  }
  return ids;
}

function dialectFromEnv(): DialectId {
  const value = (process.env.UPSTREAM_DIALECT ?? "").trim() || "task-contract";
  if (!(DIALECT_IDS as readonly string[]).includes(value)) {
    throw new ApiError(500, "internal_error", `UPSTREAM_DIALECT must be ${DIALECT_IDS.join(" or ")}, not "${value}".`);
  }
  return value as DialectId;
}

/** UPSTREAM_SUPPORTS_VIDEO_EDIT: true/false; unset means yes for the task contract, no for the gateway (it documents no edit mode). */
function videoEditFromEnv(dialect: DialectId): boolean {
  const value = process.env.UPSTREAM_SUPPORTS_VIDEO_EDIT?.trim().toLowerCase();
  if (value === "true" || value === "1") return true;
  if (value === "false" || value === "0") return false;
  return dialect === "task-contract";
}

type SimGlobal = { __nb2SimulatorKey?: string };

/** The key the embedded simulator accepts: UPSTREAM_API_KEY, else SIMULATOR_API_KEY, else one per process. */
export function simulatorKey(): string {
  const fromEnv = process.env.UPSTREAM_API_KEY || process.env.SIMULATOR_API_KEY;
  if (fromEnv) return fromEnv;
  const g = globalThis as SimGlobal;
  g.__nb2SimulatorKey ??= `sim_${crypto.randomUUID().replace(/-/g, "")}`;
  return g.__nb2SimulatorKey;
}

export function upstreamConfig(): UpstreamConfig {
  const base = process.env.UPSTREAM_BASE_URL?.trim();
  const timeoutMs = Number(process.env.UPSTREAM_TIMEOUT_MS) || 30_000;
  const dialect = dialectFromEnv();
  const supportsVideoEdit = videoEditFromEnv(dialect);
  if (base) {
    return {
      baseUrl: base.replace(/\/+$/, ""),
      simulated: false,
      apiKey: process.env.UPSTREAM_API_KEY ?? "",
      models: modelIdsFromEnv(dialect),
      timeoutMs,
      dialect,
      supportsVideoEdit,
    };
  }
  const port = process.env.PORT || "3000";
  const simBase = (process.env.SIMULATOR_BASE_URL || `http://127.0.0.1:${port}/api/simulator`).replace(/\/+$/, "");
  // The simulator speaks both dialects: the gateway's under /gateway (lib/simulator/gateway.ts takes its model ids).
  const models = modelIdsFromEnv(dialect);
  return {
    baseUrl: dialect === "generation-task" ? `${simBase}/gateway` : simBase,
    simulated: true,
    apiKey: simulatorKey(),
    models,
    timeoutMs,
    dialect,
    supportsVideoEdit,
  };
}

/**
 * Whether the embedded simulator's routes answer: always when no UPSTREAM_BASE_URL is set (it is the
 * upstream), otherwise only with SIMULATOR_ENABLED=true. A deployment with a real key never exposes a
 * public simulator (its downloads and renders cost CPU and disk) by accident.
 */
export function simulatorEnabled(): boolean {
  if (!process.env.UPSTREAM_BASE_URL?.trim()) return true;
  return process.env.SIMULATOR_ENABLED?.trim().toLowerCase() === "true";
}

/**
 * The origin visitors reach the app at, for the absolute URLs the app writes into answers (the OpenAPI
 * document's `servers`, the simulator's media URLs): PUBLIC_ORIGIN (lib/public-origin.ts), else
 * `http://localhost:<PORT>` (development). Never taken from Host or X-Forwarded-* headers: a cache in
 * front of the app could keep an answer built from a forged one and serve it to everyone. A PUBLIC_ORIGIN
 * that is set but not an http(s) origin is a configuration error, said here (links in error envelopes
 * fall back to root-relative instead, since an error must not fail).
 */
export function appOrigin(): string {
  const origin = publicOrigin();
  if (origin) return origin;
  const raw = process.env.PUBLIC_ORIGIN?.trim();
  if (raw)
    throw new ApiError(
      500,
      "internal_error",
      `PUBLIC_ORIGIN must be an http(s) origin such as https://play.example.com, not "${raw.slice(0, 100)}".`,
    );
  return `http://localhost:${process.env.PORT || "3000"}`;
}

/** The simulator's timings in ms: how long a task stays queued, and running per second of video. */
export function simulatorTimings(): { queueMs: number; runMsPerSecond: number } {
  return {
    queueMs: Number(process.env.SIMULATOR_QUEUE_MS ?? 1500),
    runMsPerSecond: Number(process.env.SIMULATOR_RUN_MS_PER_SECOND ?? 1000),
  };
}

/** The deployment's price per second of generated video, when it sets one (for the variants' estimate). */
export type VideoPrice = { perSecond: number; currency: string };

/**
 * PRICE_PER_VIDEO_SECOND (a positive decimal) and PRICE_CURRENCY (an ISO 4217 code, default USD): what a
 * second of video costs on this deployment's upstream. Unset, empty or not a positive number: no price,
 * and the page shows none (it never guesses one).
 */
export function videoPrice(): VideoPrice | undefined {
  const raw = process.env.PRICE_PER_VIDEO_SECOND?.trim();
  const perSecond = raw ? Number(raw) : Number.NaN;
  if (!Number.isFinite(perSecond) || perSecond <= 0) return undefined;
  const currency = (process.env.PRICE_CURRENCY?.trim() || "USD").toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) return undefined;
  return { perSecond, currency };
}

/** The folder `/recordings/…` serves besides the shipped public/recordings (RECORDINGS_DIR, read-only), or null when unset. */
export function recordingsDir(): string | null {
  return process.env.RECORDINGS_DIR?.trim() || null;
}
