import "server-only";
import { redis } from "@/lib/redis";
import { simulatorLimits } from "./limits";
import type { SimFile, SimIdempotency, SimStore, SimTask } from "./store-types";

/** How long the simulator keeps a task or file record in Redis: its files' retention period (SIMULATOR_RETENTION_HOURS). */
const ttlSeconds = () => Math.max(1, Math.ceil(simulatorLimits().retentionMs / 1000));

/**
 * The simulator's state in Redis, so that several app instances share it: a task created through one
 * is polled through another. Records are JSON under `nb2sim:task:<id>`, `nb2sim:file:<id>` and `nb2sim:idem:<key>`; the
 * files themselves stay on disk in SIMULATOR_DATA_DIR, which the instances must share.
 */
export class RedisStore implements SimStore {
  constructor(private readonly prefix = "nb2sim") {}

  private async get<T>(kind: string, id: string): Promise<T | undefined> {
    const client = await redis();
    if (!client) throw new Error("REDIS_URL is not set");
    const raw = await client.get(`${this.prefix}:${kind}:${id}`);
    return raw ? (JSON.parse(raw) as T) : undefined;
  }

  private async put(kind: string, id: string, value: unknown): Promise<void> {
    const client = await redis();
    if (!client) throw new Error("REDIS_URL is not set");
    await client.set(`${this.prefix}:${kind}:${id}`, JSON.stringify(value), { expiration: { type: "EX", value: ttlSeconds() } });
  }

  getTask(id: string) {
    return this.get<SimTask>("task", id);
  }
  putTask(task: SimTask) {
    return this.put("task", task.task_id, task);
  }
  getFile(id: string) {
    return this.get<SimFile>("file", id);
  }
  putFile(file: SimFile) {
    return this.put("file", file.id, file);
  }
  getIdempotency(key: string) {
    return this.get<SimIdempotency>("idem", key);
  }
  putIdempotency(record: SimIdempotency) {
    return this.put("idem", record.key, record);
  }
}
