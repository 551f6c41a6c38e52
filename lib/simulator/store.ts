import "server-only";
import { RedisStore } from "./redis-store";
import type { SimFile, SimIdempotency, SimStore, SimTask } from "./store-types";

export type { SimFile, SimIdempotency, SimStore, SimTask } from "./store-types";

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
