"use client";

import { useEffect, useRef, useState } from "react";
import type { Resolver } from "react-hook-form";
import type { FormState } from "@/lib/spec/form-state";
import type { ModelSpec } from "@/lib/spec/model-spec";
import type { Say } from "@/lib/spec/validation-words";

type Validation = typeof import("./validation");

let loaded: Validation | null = null;
let loading: Promise<Validation> | null = null;

/** Loads zod, the schema and the resolver once (a chunk of their own), the first time they are needed. */
export function loadValidation(): Promise<Validation> {
  // A failed fetch is not kept: the next change tries again.
  loading ??= import("./validation").then(
    (m) => (loaded = m),
    (err: unknown) => {
      loading = null;
      throw err;
    },
  );
  return loading;
}

/**
 * react-hook-form's resolver for the spec's form schema, loaded on first use: the first change of a field
 * validates a moment later (once the chunk is in), every later one at once.
 */
export function lazyResolver(spec: ModelSpec, say: Say, unavailableMessage: string): Resolver<FormState> {
  return async (values, context, options) => {
    let validation: Validation;
    try {
      validation = await loadValidation();
    } catch {
      // The form-level error when the checks themselves cannot be loaded: the form is not sent unchecked.
      return { values: {}, errors: { root: { type: "unavailable", message: unavailableMessage } } };
    }
    return validation.resolverFor(spec, say)(values, context, options);
  };
}

/**
 * Why the form cannot run yet, by the schema's first issue. Until the schema has loaded (the first change
 * loads it) this is what the server computed for the initial values, so the first paint already says it.
 */
export function useFormBlocker(spec: ModelSpec, values: FormState, initial: string | null, say: Say): string | null {
  const [validation, setValidation] = useState<Validation | null>(loaded);
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: values is the trigger: the first change after the first render loads the schema
  useEffect(() => {
    if (first.current) {
      first.current = false;
      // Mounted while the schema is on its way (a panel that appears after the first change): take it when it comes.
      if (!validation && loading) loading.then(setValidation, () => {});
      return;
    }
    // Not loadable (offline): the server's first answer stays, and the resolver reports it at the button.
    if (!validation) loadValidation().then(setValidation, () => {});
  }, [values, validation]);
  return validation ? validation.formBlocker(spec, values, say) : initial;
}
