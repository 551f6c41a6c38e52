import "server-only";
import type { CreateTaskRequest } from "@/lib/spec/schema";
import { RedisStore } from "./redis-store";

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

/** Keeps tasks and file records in memory, bounded (oldest dropped first). */
export class MemoryStore implements SimStore {
  private tasks = new Map<string, SimTask>();
  private files = new Map<string, SimFile>();
  private keys = new Map<string, SimIdempotency>();
  constructor(private readonly maxEntries = 5000) {}

  async getTask(id: string) {
    return this.tasks.get(id);
  }
  async putTask(task: SimTask) {
    this.tasks.set(task.task_id, task);
    this.trim(this.tasks);
  }
  async getFile(id: string) {
    return this.files.get(id);
  }
  async putFile(file: SimFile) {
    this.files.set(file.id, file);
    this.trim(this.files);
  }
  async getIdempotency(key: string) {
    return this.keys.get(key);
  }
  async putIdempotency(record: SimIdempotency) {
    this.keys.set(record.key, record);
    this.trim(this.keys);
  }
  private trim(map: Map<string, unknown>) {
    while (map.size > this.maxEntries) map.delete(map.keys().next().value as string);
  }
}

type StoreGlobal = { __nb2SimStore?: SimStore };

/**
 * The process-wide store (on globalThis, so every route bundle sees the same one): in Redis when
 * REDIS_URL is set (several instances share it), in memory otherwise.
 */
export function simStore(): SimStore {
  const g = globalThis as StoreGlobal;
  g.__nb2SimStore ??= process.env.REDIS_URL?.trim() ? new RedisStore() : new MemoryStore();
  return g.__nb2SimStore;
}
