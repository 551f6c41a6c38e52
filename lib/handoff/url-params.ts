/**
 * Writing the form's state into a link (the zod-free half of ./url-state.ts, which reads links back):
 * the browser keeps its address bar current with this and needs no schema for it.
 */
import { type FormState, isMediaUrl, toCreateRequest } from "@/lib/spec/form-state";
import type { ModelSpec } from "@/lib/spec/model-spec";

/** A media URL that may go into a link: one the schema accepts, without credentials in it. */
function shareable(url: string): boolean {
  if (!isMediaUrl(url)) return false;
  const u = new URL(url);
  return !u.username && !u.password;
}

/** The search params that reproduce the form's current mode and its fields. */
export function formStateToSearchParams(spec: ModelSpec, state: FormState): URLSearchParams {
  const { mode, input } = toCreateRequest(spec, state);
  const params = new URLSearchParams({ mode });
  for (const [field, value] of Object.entries(input)) {
    if (Array.isArray(value)) {
      for (const url of value.filter(shareable)) params.append(field, url);
    } else if (field.endsWith("_url")) {
      if (shareable(String(value))) params.set(field, String(value));
    } else if (value !== "") params.set(field, String(value));
  }
  return params;
}
