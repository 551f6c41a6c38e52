"use client";

import { createContext, type ReactNode, useContext } from "react";
import type { ExportTarget } from "@/lib/handoff/target";

const ExportTargetContext = createContext<ExportTarget | null>(null);

/** Tells exported code where the upstream is (never the key); set once by the playground. */
export function ExportTargetProvider({ value, children }: { value: ExportTarget; children: ReactNode }) {
  return <ExportTargetContext.Provider value={value}>{children}</ExportTargetContext.Provider>;
}

export function useExportTarget(): ExportTarget {
  const target = useContext(ExportTargetContext);
  if (!target) throw new Error("useExportTarget needs an ExportTargetProvider (the playground sets one).");
  return target;
}
