/**
 * The form's rules in the browser: zod, the spec's schema and the resolver, in a chunk of their own that
 * ./use-form-check.ts loads the first time a value is validated (never with the page).
 */
import { zodResolver } from "@hookform/resolvers/zod";
import type { Resolver } from "react-hook-form";
import type { ModelSpec } from "@/lib/spec/model-spec";
import { type FormState, formBlocker, schemasFor } from "@/lib/spec/schema";

const resolvers = new WeakMap<ModelSpec, Resolver<FormState>>();

/** react-hook-form's resolver for the spec's form schema. */
export function resolverFor(spec: ModelSpec): Resolver<FormState> {
  const kept = resolvers.get(spec);
  if (kept) return kept;
  const built = zodResolver(schemasFor(spec).form as never) as unknown as Resolver<FormState>;
  resolvers.set(spec, built);
  return built;
}
export { formBlocker };
