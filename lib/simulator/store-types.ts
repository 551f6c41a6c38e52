/** The simulator's stored records and the storage interface (in memory, or Redis across instances). */
import type { CreateTaskRequest } from "@/lib/spec/schema";

/** A task as the simulator keeps it; its public status is derived from the clock and the render. */
export type SimTask = {
  task_id: string;
  request: CreateTaskRequest;
  createdAt: number;
  queueMs: number;
  runMs: number;
  /** The fault scenario chosen at create; the task's polls follow it. */
  scenario?: string;
  /** The Idempotency-Key of the create that made it. */
  idempotencyKey?: string;
  /** The model id a create in the gateway dialect named (echoed in that dialect's answers). */
  gatewayModel?: string;
  render:
    | { state: "pending" }
    | { state: "done"; fileId: string; durationSeconds: number; width: number; height: number; finishedAt: number }
    | { state: "failed"; type: string; message: string; finishedAt: number };
};

/** What an Idempotency-Key was first used for: the task it created and a hash of the request. */
export type SimIdempotency = { key: string; taskId: string; requestHash: string };

/** A stored media file (an upload or a rendered video), on disk at `path`. */
export type SimFile = { id: string; path: string; mime: string; size: number; createdAt: number };

/** The simulator's storage, behind a small interface so another backend can replace the in-memory one. */
export interface SimStore {
  getTask(id: string): Promise<SimTask | undefined>;
  putTask(task: SimTask): Promise<void>;
  getFile(id: string): Promise<SimFile | undefined>;
  putFile(file: SimFile): Promise<void>;
  getIdempotency(key: string): Promise<SimIdempotency | undefined>;
  putIdempotency(record: SimIdempotency): Promise<void>;
}
