"use client";

import { useEffect, useRef, useState } from "react";
import type { Resolver } from "react-hook-form";
import type { FormState } from "@/lib/spec/form-state";

type Validation = typeof import("./validation");

let loaded: Validation | null = null;
let loading: Promise<Validation> | null = null;

/** Loads zod, the schema and the resolver once (a chunk of their own), the first time they are needed. */
export function loadValidation(): Promise<Validation> {
  loading ??= import("./validation").then((m) => (loaded = m));
  return loading;
}

/**
 * react-hook-form's resolver for the spec's form schema, loaded on first use: the first change of a field
 * validates a moment later (once the chunk is in), every later one at once.
 */
export const lazyResolver: Resolver<FormState> = async (values, context, options) => (await loadValidation()).resolver(values, context, options);

/**
 * Why the form cannot run yet, by the schema's first issue. Until the schema has loaded (the first change
 * loads it) this is what the server computed for the initial values, so the first paint already says it.
 */
export function useFormBlocker(values: FormState, initial: string | null): string | null {
  const [validation, setValidation] = useState<Validation | null>(loaded);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (!validation) void loadValidation().then(setValidation);
  }, [values, validation]);
  return validation ? validation.formBlocker(values) : initial;
}
