"use client";

import { createContext, useContext } from "react";
import type { ModelSpec } from "@/lib/spec/model-spec";

/** The spec of the model the playground is for, handed down from the server as a value. */
const SpecContext = createContext<ModelSpec | null>(null);

export const SpecProvider = SpecContext.Provider;

/** The playground's model spec; only inside a playground. */
export function useSpec(): ModelSpec {
  const spec = useContext(SpecContext);
  if (!spec) throw new Error("useSpec() is used outside a playground (no SpecProvider).");
  return spec;
}
