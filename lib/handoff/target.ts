/**
 * Where exported code sends its requests, and the request body it sends. Snippets target the
 * upstream's own API (`{base}/v1/tasks`), which is what a developer integrates against, never this
 * app's proxy; the key is always the environment variable `KEY_ENV`, never a value.
 */
import { nextPollDelay } from "@/lib/polling";
import { MODEL_ID, POLLING } from "@/lib/spec/nano-banana-2";
import type { CreateTaskRequest } from "@/lib/spec/schema";

/** The variable that holds the key in every exported snippet (documented in the README). */
export const KEY_ENV = "UPSTREAM_API_KEY";
/** The variable that overrides the base URL in exported scripts. */
export const BASE_URL_ENV = "UPSTREAM_BASE_URL";

/** What exported code needs to know about the upstream; never the key. */
export type ExportTarget = {
  /** `{base}` of the guide's contract, e.g. `https://api.example.com` or `http://127.0.0.1:3000/api/simulator`. */
  baseUrl: string;
  /** The model id the upstream expects in `model` (the proxy sends the same). */
  model: string;
  simulated: boolean;
};

/** The body exactly as the proxy forwards it upstream: the form's request with the upstream's model id. */
export function upstreamRequest(request: CreateTaskRequest, target: Pick<ExportTarget, "model">): Omit<CreateTaskRequest, "model"> & { model: string } {
  return { model: target.model || MODEL_ID, mode: request.mode, input: request.input };
}

/** The body as pretty JSON (2 spaces), the text every snippet embeds. */
export function requestJson(request: CreateTaskRequest, target: Pick<ExportTarget, "model">): string {
  return JSON.stringify(upstreamRequest(request, target), null, 2);
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
