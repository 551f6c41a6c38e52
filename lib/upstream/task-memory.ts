import "server-only";
import type { KnownTask } from "./dialects";

type MemoryGlobal = { __nb2KnownTasks?: Map<string, KnownTask> };
const MAX = 5000;

function tasks(): Map<string, KnownTask> {
  const g = globalThis as MemoryGlobal;
  g.__nb2KnownTasks ??= new Map();
  return g.__nb2KnownTasks;
}

/** Remembers the request of a task this proxy created (bounded, oldest dropped first), for dialects that do not echo it. */
export function rememberTask(taskId: string, known: KnownTask): void {
  const map = tasks();
  map.delete(taskId);
  map.set(taskId, known);
  while (map.size > MAX) map.delete(map.keys().next().value as string);
}

/** The request a task was created with through this proxy, if it was. */
export function knownTask(taskId: string): KnownTask | undefined {
  return tasks().get(taskId);
}
