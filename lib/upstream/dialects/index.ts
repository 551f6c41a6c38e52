/**
 * The dialects the upstream service can speak, by UPSTREAM_DIALECT.
 *
 * To add a dialect:
 *   1. add its id to `DIALECT_IDS` in ./types.ts;
 *   2. describe what it sends and where in ./wire.ts (a `Wire`: paths, body, status words, where the
 *      video URL is) so that exported code sends exactly what the service sends;
 *   3. create `./<id>.ts` implementing `Dialect` (its answer schemas and the mapping back to the guide's
 *      contract), built on its wire with `wireCalls`;
 *   4. register it below, and give each model its upstream id for it (`upstreamId` in lib/models/*.ts).
 * The simulator speaks each dialect with its own code (lib/simulator/), never this one.
 */

import { generationTaskDialect } from "./generation-task";
import { taskContractDialect } from "./task-contract";
import type { Dialect } from "./types";
import type { DialectId } from "./wire";

const DIALECTS: Record<DialectId, Dialect> = {
  "task-contract": taskContractDialect,
  "generation-task": generationTaskDialect,
};

/** The dialect named by UPSTREAM_DIALECT. */
export function dialectFor(id: DialectId): Dialect {
  return DIALECTS[id];
}

export type { Dialect, DialectContext, KnownTask, Normalised } from "./types";
