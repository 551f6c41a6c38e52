import "server-only";
import { upstreamConfig, type VideoPrice, videoPrice } from "@/lib/config";
import { MODE_IDS, type ModeId } from "@/lib/spec/contract";
import type { ModelSpec } from "@/lib/spec/model-spec";
import type { DialectId } from "@/lib/upstream/dialects/wire";
import { dialectFor } from "./dialects";

/**
 * What the browser may know about the upstream: where it is, its base URL (for exported code, without
 * any credentials or query in it), whether it is the simulator, the dialect it speaks and what it can
 * do (modes it cannot do, with the reason; whether a create may be retried). Never the key.
 */
export type UpstreamSummary = {
  simulated: boolean;
  origin: string;
  model: string;
  baseUrl: string;
  dialect: DialectId;
  /** Modes the configured upstream cannot do, with the sentence that says why. */
  unavailable: Partial<Record<ModeId, string>>;
  /** Whether the upstream honours an Idempotency-Key, so a create may be retried after a 5xx. */
  idempotentCreates: boolean;
  notes: string[];
  /** The deployment's price per second of video (PRICE_PER_VIDEO_SECOND), when it sets one. */
  price?: VideoPrice;
};

/** A base URL with user, password, query and fragment removed. */
function publicBaseUrl(base: string): string {
  const url = new URL(base);
  return `${url.origin}${url.pathname}`.replace(/\/+$/, "");
}

/** The summary for the guide of `spec`: `model` is that model's id upstream. */
export function upstreamSummary(spec: ModelSpec): UpstreamSummary {
  const cfg = upstreamConfig();
  const dialect = dialectFor(cfg.dialect);
  const ctx = { model: cfg.models[spec.id], supportsVideoEdit: cfg.supportsVideoEdit };
  const unavailable: UpstreamSummary["unavailable"] = {};
  for (const mode of MODE_IDS) {
    const reason = dialect.refusal(mode, ctx);
    if (reason) unavailable[mode] = reason;
  }
  return {
    simulated: cfg.simulated,
    origin: cfg.simulated ? "embedded simulator" : new URL(cfg.baseUrl).origin,
    model: ctx.model,
    baseUrl: publicBaseUrl(cfg.baseUrl),
    dialect: cfg.dialect,
    unavailable,
    idempotentCreates: dialect.idempotentCreates,
    notes: dialect.notes(ctx),
    price: videoPrice(),
  };
}
