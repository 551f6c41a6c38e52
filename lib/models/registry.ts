/**
 * The catalog: every model this deployment has a guide for, in the order the catalog lists them.
 *
 * To add a model:
 *   1. create `lib/models/<id>.ts` exporting a `ModelSpec` (compose `./shared` where the model shares
 *      the contract's modes and texts; state only facts from the model's own docs);
 *   2. add it to `MODELS` below.
 * Its guide (/models/<id>, /ru/models/<id>), embed (/embed/<id>), form rules, server validation, OpenAPI
 * entry, hand-off code and simulator render all follow from the spec; nothing else changes.
 */
import type { ModelSpec } from "@/lib/spec/model-spec";
import { geminiOmniFlash } from "./gemini-omni-flash";
import { nanoBanana2 } from "./nano-banana-2";

export const MODELS: readonly ModelSpec[] = [nanoBanana2, geminiOmniFlash];

/** The model `/`, `/ru` and the unqualified embed show. */
export const DEFAULT_MODEL: ModelSpec = nanoBanana2;

/** The spec of `id` among `models`, or undefined. */
export function findModel(id: unknown, models: readonly ModelSpec[] = MODELS): ModelSpec | undefined {
  return models.find((m) => m.id === id);
}

/** The spec of `id`; throws for an id the registry does not have (a programming error, not user input). */
export function getModel(id: string, models: readonly ModelSpec[] = MODELS): ModelSpec {
  const spec = findModel(id, models);
  if (!spec) throw new Error(`Unknown model ${id}; the registry has ${models.map((m) => m.id).join(", ")}.`);
  return spec;
}
