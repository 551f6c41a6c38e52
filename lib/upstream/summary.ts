import "server-only";
import { upstreamConfig } from "@/lib/config";

/**
 * What the browser may know about the upstream: where it is, its base URL (for exported code, without
 * any credentials or query in it) and whether it is the simulator. Never the key.
 */
export type UpstreamSummary = { simulated: boolean; origin: string; model: string; baseUrl: string };

/** A base URL with user, password, query and fragment removed. */
function publicBaseUrl(base: string): string {
  const url = new URL(base);
  return `${url.origin}${url.pathname}`.replace(/\/+$/, "");
}

export function upstreamSummary(): UpstreamSummary {
  const cfg = upstreamConfig();
  return {
    simulated: cfg.simulated,
    origin: cfg.simulated ? "embedded simulator" : new URL(cfg.baseUrl).origin,
    model: cfg.model,
    baseUrl: publicBaseUrl(cfg.baseUrl),
  };
}
