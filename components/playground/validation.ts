/**
 * The form's rules in the browser: zod, the spec's schema and the resolver, in a chunk of their own that
 * ./use-form-check.ts loads the first time a value is validated (never with the page).
 */
import { zodResolver } from "@hookform/resolvers/zod";
import type { Resolver } from "react-hook-form";
import type { ModelSpec } from "@/lib/spec/model-spec";
import { type FormState, formBlocker, schemasFor } from "@/lib/spec/schema";
import type { Say } from "@/lib/spec/validation-words";

const resolvers = new WeakMap<ModelSpec, Map<Say, Resolver<FormState>>>();

/** react-hook-form's resolver for the spec's form schema, its messages in the words of `say` (the page's language). */
export function resolverFor(spec: ModelSpec, say: Say): Resolver<FormState> {
  let bySay = resolvers.get(spec);
  if (!bySay) {
    bySay = new Map();
    resolvers.set(spec, bySay);
  }
  const kept = bySay.get(say);
  if (kept) return kept;
  const built = zodResolver(schemasFor(spec, say).form as never) as unknown as Resolver<FormState>;
  bySay.set(say, built);
  return built;
}
export { formBlocker };
