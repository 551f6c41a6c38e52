import "server-only";
import { upstreamConfig } from "@/lib/config";

/** What the browser may know about the upstream: where it is and whether it is the simulator. Never the key. */
export type UpstreamSummary = { simulated: boolean; origin: string; model: string };

export function upstreamSummary(): UpstreamSummary {
  const cfg = upstreamConfig();
  return { simulated: cfg.simulated, origin: cfg.simulated ? "embedded simulator" : new URL(cfg.baseUrl).origin, model: cfg.model };
}
