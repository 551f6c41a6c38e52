import "server-only";
import { rm } from "node:fs/promises";
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
    // A file whose record goes is deleted with it (the disk's sweep recounts what is left).
    this.trim(this.files, (dropped) => void rm((dropped as SimFile).path, { force: true }).catch(() => undefined));
  }
  async getIdempotency(key: string) {
    return this.keys.get(key);
  }
  async putIdempotency(record: SimIdempotency) {
    this.keys.set(record.key, record);
    this.trim(this.keys);
  }
  private trim(map: Map<string, unknown>, onDrop?: (value: unknown) => void) {
    while (map.size > this.maxEntries) {
      const key = map.keys().next().value as string;
      onDrop?.(map.get(key));
      map.delete(key);
    }
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
