/**
 * Where exported code sends its requests, and the request body it sends. Snippets target the
 * upstream's own API in the dialect the server is configured with (`UPSTREAM_DIALECT`): the paths,
 * the body and the answers' fields come from the same wire module the proxy builds its calls with
 * (lib/upstream/dialects/wire.ts), never this app's proxy; the key is always the environment variable
 * `KEY_ENV`, never a value.
 */
import { nextPollDelay } from "@/lib/polling";
import { type ModeId, POLLING } from "@/lib/spec/contract";
import { mediaFieldOf } from "@/lib/spec/model-spec";
import type { CreateTaskRequest } from "@/lib/spec/schema";
import { type DialectId, type JsonPath, type Wire, wireFor } from "@/lib/upstream/dialects/wire";

/** The variable that holds the key in every exported snippet (documented in docs/handoff.md). */
export const KEY_ENV = "UPSTREAM_API_KEY";
/** The variable that overrides the base URL in exported scripts. */
export const BASE_URL_ENV = "UPSTREAM_BASE_URL";

/** What exported code needs to know about the upstream; never the key. */
export type ExportTarget = {
  /** `{base}` of the upstream's API, e.g. `https://api.example.com` or `http://127.0.0.1:3000/api/simulator`. */
  baseUrl: string;
  /** The model id the upstream expects in `model` (the proxy sends the same). */
  model: string;
  /** R2V's allowed numbers of reference images (the model's spec). */
  referenceCounts: readonly number[];
  simulated: boolean;
  /** The API shape the upstream speaks; the task contract when absent. */
  dialect?: DialectId;
  /** Modes the configured upstream cannot do, with the server's reason: exports say so instead of sending. */
  unavailable?: Partial<Record<ModeId, string>>;
};

/** The dialect exported code speaks. */
export function wireOf(target: Pick<ExportTarget, "dialect">): Wire {
  return wireFor(target.dialect ?? "task-contract");
}

/** The body exactly as the proxy forwards it upstream: the form's request in the upstream's dialect, with its model id. */
export function upstreamBody(request: CreateTaskRequest, target: Pick<ExportTarget, "model" | "dialect">): Record<string, unknown> {
  return wireOf(target).createBody(request, { model: target.model || request.model });
}

/** The body as pretty JSON (2 spaces), the text every snippet embeds. */
export function requestJson(request: CreateTaskRequest, target: Pick<ExportTarget, "model" | "dialect">): string {
  return JSON.stringify(upstreamBody(request, target), null, 2);
}

/** Why the configured upstream cannot do this mode (exports then explain instead of sending), or null. */
export function unavailableReason(mode: ModeId, target: Pick<ExportTarget, "unavailable">): string | null {
  return target.unavailable?.[mode] ?? null;
}

/**
 * Where a mode's media URLs go in the upstream body, and whether they go as a list: found by sending
 * placeholder URLs through the dialect's own `createBody`, so the scripts put uploaded files exactly
 * where the proxy would put the form's URLs (`input.image_url` in the task contract, `image_urls` in
 * the gateway's dialect).
 */
export function mediaSlot(mode: ModeId, target: Pick<ExportTarget, "dialect">): { path: JsonPath; list: boolean } | null {
  const media = mediaFieldOf(mode);
  if (!media) return null;
  const marker = "https://media.invalid/nb2-slot";
  const urls = media === "reference_image_urls" ? [marker] : marker;
  const request = {
    model: "-",
    mode,
    input: { prompt: "-", aspect_ratio: "16:9", duration: 6, resolution: "720P", [media]: urls },
  } as CreateTaskRequest;
  const find = (value: unknown, path: (string | number)[]): { path: JsonPath; list: boolean } | null => {
    if (Array.isArray(value)) return value.includes(marker) ? { path, list: true } : null;
    if (value === marker) return { path, list: false };
    if (typeof value !== "object" || value === null) return null;
    for (const [k, v] of Object.entries(value)) {
      const found = find(v, [...path, k]);
      if (found) return found;
    }
    return null;
  };
  return find(wireOf(target).createBody(request, { model: "-" }), []);
}

/** Why local files for this mode cannot be uploaded to the upstream (the gateway takes images only), or null. */
export function uploadRefusalFor(mode: ModeId, target: Pick<ExportTarget, "dialect">): string | null {
  const media = mediaFieldOf(mode);
  return media ? wireOf(target).uploadRefusal(media === "video_url" ? "video" : "image") : null;
}

/**
 * The playground's polling schedule, computed by `nextPollDelay` itself: the delay before poll 1, 2, …
 * up to the first value that repeats (the cap). Exported code waits these, then the last one forever.
 */
export function pollSchedule(): number[] {
  const out: number[] = [];
  for (let n = 1; n < 1000; n++) {
    const delay = nextPollDelay(n, 0, undefined);
    if (delay === false || (out.length && delay === out[out.length - 1])) break;
    out.push(delay);
  }
  return out;
}

/** How long exported code keeps watching, in whole seconds (the playground's limit). */
export const TIME_LIMIT_SECONDS = Math.round(POLLING.timeLimitMs / 1000);
