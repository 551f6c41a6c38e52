import "server-only";
import { MODEL_ID } from "@/lib/spec/nano-banana-2";

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
  /** The model id the upstream expects in `model`. */
  model: string;
  timeoutMs: number;
};

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
  if (base) {
    return {
      baseUrl: base.replace(/\/+$/, ""),
      simulated: false,
      apiKey: process.env.UPSTREAM_API_KEY ?? "",
      model: process.env.UPSTREAM_MODEL || MODEL_ID,
      timeoutMs,
    };
  }
  const port = process.env.PORT || "3000";
  return {
    baseUrl: (process.env.SIMULATOR_BASE_URL || `http://127.0.0.1:${port}/api/simulator`).replace(/\/+$/, ""),
    simulated: true,
    apiKey: simulatorKey(),
    model: MODEL_ID,
    timeoutMs,
  };
}

/** The simulator's timings in ms: how long a task stays queued, and running per second of video. */
export function simulatorTimings(): { queueMs: number; runMsPerSecond: number } {
  return {
    queueMs: Number(process.env.SIMULATOR_QUEUE_MS ?? 1500),
    runMsPerSecond: Number(process.env.SIMULATOR_RUN_MS_PER_SECOND ?? 1000),
  };
}
