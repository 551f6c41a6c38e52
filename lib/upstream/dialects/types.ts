import type { z } from "zod";
import type { ModeId } from "@/lib/spec/contract";
import type { CreateTaskRequest, MediaKind, Task, Upload } from "@/lib/spec/schema";

/** An error in the guide's envelope (`type`, `message`, `param`?), before the proxy adds its request id. */
export type ContractError = { type: string; message: string; param?: string } & Record<string, unknown>;

/** An upstream answer turned into the guide's contract: the body to answer with, or an error and its HTTP status. */
export type Normalised<T> = { ok: true; status: number; body: T } | { ok: false; status: number; error: ContractError };

/** What the proxy remembers of a task it created: the request, since some dialects do not echo it. */
export type KnownTask = { request: CreateTaskRequest };

/** The API shapes the proxy can speak upstream: the guide's task contract, or the gateway's flat one. */
export const DIALECT_IDS = ["task-contract", "generation-task"] as const;
export type DialectId = (typeof DIALECT_IDS)[number];

/** Settings of the configured upstream that change what a dialect sends or can do. */
export type DialectContext = { model: string; supportsVideoEdit: boolean };

/**
 * One API shape the proxy can speak upstream. A dialect maps the guide's create request to its own body,
 * names its paths, says which modes it cannot do, and turns every answer back into the guide's contract.
 */
export interface Dialect {
  id: DialectId;
  /** Whether the upstream honours an Idempotency-Key on creates (if not, a create is never retried). */
  idempotentCreates: boolean;
  /** Why the configured upstream cannot do `mode`, or null when it can. */
  refusal(mode: ModeId, ctx: DialectContext): string | null;
  /** Facts a user should know about this upstream (shown on the page). */
  notes(ctx: DialectContext): string[];
  /** The create call: path and JSON body. */
  createCall(request: CreateTaskRequest, ctx: DialectContext): { path: string; body: unknown };
  statusPath(taskId: string): string;
  uploadPath: string;
  /** Why an upload of this kind cannot go to this upstream, or null. */
  uploadRefusal(kind: MediaKind): string | null;
  /** The schema an answer is checked against (by what was asked and the HTTP status). */
  answerSchema(kind: "task" | "upload", status: number, raw: unknown): z.ZodType;
  normaliseTask(status: number, raw: unknown, known?: KnownTask): Normalised<Task>;
  normaliseUpload(status: number, raw: unknown): Normalised<Upload>;
}
