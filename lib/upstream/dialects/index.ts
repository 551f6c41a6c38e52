import type { DialectId } from "./wire";
import { generationTaskDialect } from "./generation-task";
import { taskContractDialect } from "./task-contract";
import type { Dialect } from "./types";

const DIALECTS: Record<DialectId, Dialect> = {
  "task-contract": taskContractDialect,
  "generation-task": generationTaskDialect,
};

/** The dialect named by UPSTREAM_DIALECT. */
export function dialectFor(id: DialectId): Dialect {
  return DIALECTS[id];
}

export type { Dialect, DialectContext, KnownTask, Normalised } from "./types";
