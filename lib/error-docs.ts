/**
 * Where the guide explains an error, and what to do about it in one sentence or two: the `doc_url` and
 * `hint` every error envelope of the proxy carries (lib/errors.ts adds them where the envelope is built).
 *
 * - `doc_url` is the English guide of the model the request was about (the default model's when none is
 *   known: the error table is the contract's, the same in every guide), at the anchor of the error's row
 *   (`#error-{type}`), or of the FAQ entry for a gateway answer the FAQ explains (`invalid apitype: -1`),
 *   or of the errors section for a type the table does not have. Absolute on PUBLIC_ORIGIN, else
 *   root-relative (lib/public-origin.ts).
 * - `hint` is the table's fix and retry advice for the error's type (or, failing that, its HTTP status),
 *   or the FAQ's explanation of the gateway answer with the endpoints named; none when neither is known.
 * Texts stay English, like the envelope's message.
 */
import { errorAnchor, guidePath } from "@/lib/guide/paths";
import { DEFAULT_MODEL, findModel } from "@/lib/models/registry";
import { publicUrl } from "@/lib/public-origin";
import { ERRORS, GATEWAY_ANSWERS } from "@/lib/spec/contract";
import type { ModelSpec } from "@/lib/spec/model-spec";
import { generationTaskWire, taskContractWire } from "@/lib/upstream/dialects/wire";

export type ErrorDocs = { doc_url: string; hint?: string };

/** The id of the FAQ entry whose answer is `answer` (components/guide/faq.tsx numbers them), or null. */
export function faqAnchor(spec: ModelSpec, answer: string): string | null {
  const i = spec.texts.en.faq.findIndex((item) => item.a === answer);
  return i < 0 ? null : `faq-${i}`;
}

/** What to do about a gateway answer, naming the endpoints the FAQ speaks of. */
const GATEWAY_HINTS: Record<(typeof GATEWAY_ANSWERS)[number]["match"], string> = {
  "invalid apitype: -1":
    "The upstream answered “invalid apitype: -1”: the request went to a chat endpoint, which image and video models do not use. " +
    `Create a task on the task endpoint instead (this API: POST /api/tasks; the gateway's: POST {base}${generationTaskWire.createPath}, ` +
    `or POST {base}${taskContractWire.createPath} in the guide's contract), then poll its status (GET /api/tasks/{task_id}). ` +
    "Check the actual request code, URL and payload; on this server, UPSTREAM_BASE_URL and UPSTREAM_DIALECT.",
};

/** The docs of an error the proxy answers; `model` is the id the request named, if any (anything else means the default model). */
export function errorDocs(error: { status: number; type: string; message: string }, model?: unknown): ErrorDocs {
  const spec = findModel(model) ?? DEFAULT_MODEL;
  const page = guidePath(spec);
  const gateway = GATEWAY_ANSWERS.find((g) => error.message.includes(g.match));
  if (gateway) {
    const anchor = faqAnchor(spec, gateway.explanation) ?? "faq";
    return { doc_url: publicUrl(`${page}#${anchor}`), hint: GATEWAY_HINTS[gateway.match] };
  }
  const row = ERRORS.find((e) => e.type === error.type) ?? ERRORS.find((e) => e.status === error.status);
  if (!row) return { doc_url: publicUrl(`${page}#errors`) };
  return { doc_url: publicUrl(`${page}#${errorAnchor(row.type)}`), hint: `${row.fix} ${row.retry}` };
}
