import "server-only";
import { ApiError } from "@/lib/errors";
import { DEFAULT_MODEL, MODELS } from "@/lib/models/registry";
import { DIALECT_IDS, type DialectId } from "@/lib/upstream/dialects/wire";

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

/** The simulator's timings in ms: how long a task stays queued, and running per second of video. */
export function simulatorTimings(): { queueMs: number; runMsPerSecond: number } {
  return {
    queueMs: Number(process.env.SIMULATOR_QUEUE_MS ?? 1500),
    runMsPerSecond: Number(process.env.SIMULATOR_RUN_MS_PER_SECOND ?? 1000),
  };
}

/** The folder `/recordings/…` serves besides the shipped public/recordings (RECORDINGS_DIR, read-only), or null when unset. */
export function recordingsDir(): string | null {
  return process.env.RECORDINGS_DIR?.trim() || null;
}
