/**
 * The form's state in the URL: `?mode=…&prompt=…&aspect_ratio=…&duration=…&resolution=…` plus the mode's
 * media URLs (`image_url`, repeated `reference_image_urls`, `video_url`). Keys are the spec's field
 * names; values are read back through the importer, so a link is held to the same schema and messages.
 * Never media contents (only http(s) URLs the schema accepts) and never a key.
 */
import { FIELD_NAMES } from "@/lib/spec/contract";
import type { ModelSpec } from "@/lib/spec/model-spec";
import { type FieldIssue, type FormState, initialFormState } from "@/lib/spec/schema";
import type { Say } from "@/lib/spec/validation-words";
import { importRequest } from "./request-import";

export { formStateToSearchParams } from "./url-params";

type SearchParamsRecord = Record<string, string | string[] | undefined>;

/**
 * Reads a link's params into a full form state (missing fields take the initial values) and lists the
 * values that do not fit, with the schema's messages. No params at all is the initial form, no issues.
 */
export function formStateFromSearchParams(
  spec: ModelSpec,
  params: URLSearchParams | SearchParamsRecord,
  say?: Say,
): { state: FormState; issues: FieldIssue[] } {
  const all = (key: string): string[] => {
    if (params instanceof URLSearchParams) return params.getAll(key);
    const v = params[key];
    return v === undefined ? [] : Array.isArray(v) ? v : [v];
  };
  const first = (key: string) => all(key)[0];
  const input: Record<string, unknown> = {};
  for (const field of FIELD_NAMES) {
    if (field === "reference_image_urls") {
      if (all(field).length) input[field] = all(field);
    } else if (first(field) !== undefined) {
      const raw = first(field)!;
      input[field] = field === "duration" && /^\d+$/.test(raw) ? Number(raw) : raw;
    }
  }
  const mode = first("mode");
  const initial = initialFormState(spec);
  if (mode === undefined && !Object.keys(input).length) return { state: initial, issues: [] };
  const { values, issues } = importRequest(spec, { model: spec.id, mode, input }, { partial: true, say }, "link");
  return { state: { ...initial, ...values }, issues: issues.map((i) => ({ ...i, param: i.param.replace(/^input\./, "") })) };
}
