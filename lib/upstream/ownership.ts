import "server-only";
import { redis } from "@/lib/redis";

/**
 * Which tasks this deployment created. The proxy answers polls only for those (unless
 * WATCH_FOREIGN_TASKS=true): under the shared key, any visitor could otherwise watch any task of the
 * key's account, including tasks its owner made elsewhere. Kept from creation for OWNED_TASK_TTL_SECONDS
 * (the upstream keeps a finished task's video 24 h; a task may run for up to an hour first), in Redis
 * when REDIS_URL is set (every instance answers for every task), else in this process's memory.
 */
export const OWNED_TASK_TTL_SECONDS = 48 * 60 * 60;
const PREFIX = "nb2own:";
/** The memory copy's bound; far above a day's deployment budget of creates. */
const MAX_IN_MEMORY = 200_000;

type OwnGlobal = { __nb2Owned?: Map<string, number> };
function memory(): Map<string, number> {
  const g = globalThis as OwnGlobal;
  g.__nb2Owned ??= new Map();
  return g.__nb2Owned;
}

/** WATCH_FOREIGN_TASKS=true: polls of any task id are forwarded (for watching tasks your own backend made). */
export function watchForeignTasks(): boolean {
  return process.env.WATCH_FOREIGN_TASKS?.trim().toLowerCase() === "true";
}

/** Records that this deployment created `taskId`. */
export async function markOwned(taskId: string, now = Date.now()): Promise<void> {
  const map = memory();
  map.delete(taskId);
  map.set(taskId, now + OWNED_TASK_TTL_SECONDS * 1000);
  while (map.size > MAX_IN_MEMORY) map.delete(map.keys().next().value as string);
  try {
    const client = await redis();
    await client?.set(`${PREFIX}${taskId}`, "1", { expiration: { type: "EX", value: OWNED_TASK_TTL_SECONDS } });
  } catch {
    console.error("[ownership] Redis unavailable: task kept in this instance's memory only");
  }
}

/** True when this deployment created `taskId` within the ownership period. */
export async function isOwned(taskId: string, now = Date.now()): Promise<boolean> {
  const until = memory().get(taskId);
  if (until !== undefined) {
    if (until > now) return true;
    memory().delete(taskId);
  }
  try {
    const client = await redis();
    return client ? (await client.exists(`${PREFIX}${taskId}`)) === 1 : false;
  } catch {
    return false;
  }
}
