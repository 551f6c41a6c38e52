/**
 * The form's state in the URL: `?mode=…&prompt=…&aspect_ratio=…&duration=…&resolution=…` plus the mode's
 * media URLs (`image_url`, repeated `reference_image_urls`, `video_url`). Keys are the spec's field
 * names; values are read back through the importer, so a link is held to the same schema and messages.
 * Never media contents (only http(s) URLs the schema accepts) and never a key.
 */
import { FIELDS, MODEL_ID, type FieldName } from "@/lib/spec/nano-banana-2";
import { INITIAL_FORM_STATE, isMediaUrl, toCreateRequest, type FieldIssue, type FormState } from "@/lib/spec/schema";
import { importRequest } from "./request-import";

const FIELD_NAMES = Object.keys(FIELDS) as FieldName[];

/** A media URL that may go into a link: one the schema accepts, without credentials in it. */
function shareable(url: string): boolean {
  if (!isMediaUrl(url)) return false;
  const u = new URL(url);
  return !u.username && !u.password;
}

/** The search params that reproduce the form's current mode and its fields. */
export function formStateToSearchParams(state: FormState): URLSearchParams {
  const { mode, input } = toCreateRequest(state);
  const params = new URLSearchParams({ mode });
  for (const [field, value] of Object.entries(input)) {
    if (Array.isArray(value)) value.filter(shareable).forEach((url) => params.append(field, url));
    else if (field.endsWith("_url")) {
      if (shareable(String(value))) params.set(field, String(value));
    } else if (value !== "") params.set(field, String(value));
  }
  return params;
}

type SearchParamsRecord = Record<string, string | string[] | undefined>;

/**
 * Reads a link's params into a full form state (missing fields take the initial values) and lists the
 * values that do not fit, with the schema's messages. No params at all is the initial form, no issues.
 */
export function formStateFromSearchParams(params: URLSearchParams | SearchParamsRecord): { state: FormState; issues: FieldIssue[] } {
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
  if (mode === undefined && !Object.keys(input).length) return { state: INITIAL_FORM_STATE, issues: [] };
  const { values, issues } = importRequest({ model: MODEL_ID, mode, input }, { partial: true }, "link");
  return { state: { ...INITIAL_FORM_STATE, ...values }, issues: issues.map((i) => ({ ...i, param: i.param.replace(/^input\./, "") })) };
}
