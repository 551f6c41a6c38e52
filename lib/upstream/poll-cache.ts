import "server-only";
import { redis } from "@/lib/redis";
import type { UpstreamAnswer } from "./client";

/**
 * Polls of one task shared across clients: a task's successful answer is kept for POLL_SHARE_MS, and
 * concurrent polls of it wait for the one call under way, so N viewers of a task (a busy page, an
 * embed on a popular site) cost the upstream at most about one poll a second. With REDIS_URL, instances
 * share the answer too, and one instance at a time (a short lock) asks the upstream for it.
 * Only 2xx answers are kept: an error is the client's to retry (with its backoff), never served again.
 */
export const POLL_SHARE_MS = 1000;
const PREFIX = "nb2poll:";

type Stored = Omit<UpstreamAnswer, "headers"> & { headers: [string, string][] };
type Entry = { at: number; answer: UpstreamAnswer };
type PollGlobal = {
  __nb2Polls?: { kept: Map<string, Entry>; pending: Map<string, Promise<UpstreamAnswer>>; upstreamCalls: number; rehearsals: Set<string> };
};

function state() {
  const g = globalThis as PollGlobal;
  g.__nb2Polls ??= { kept: new Map(), pending: new Map(), upstreamCalls: 0, rehearsals: new Set() };
  return g.__nb2Polls;
}

/**
 * A task created with a fault scenario (x-simulate, the embedded simulator only) is one visitor's
 * rehearsal, whose scenario counts the polls it answers: its polls always reach the simulator.
 */
export function pollEveryTime(taskId: string): void {
  const { rehearsals } = state();
  rehearsals.add(taskId);
  if (rehearsals.size > 10_000) rehearsals.delete(rehearsals.values().next().value as string);
}

/** How many polls this process sent upstream since it started (the operator's view; bench:load reads it). */
export function upstreamPollCount(): number {
  return state().upstreamCalls;
}

const toStored = (a: UpstreamAnswer): Stored => ({ ...a, headers: [...a.headers.entries()] });
const fromStored = (s: Stored): UpstreamAnswer => ({ ...s, headers: new Headers(s.headers) });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function viaRedis(taskId: string, call: () => Promise<UpstreamAnswer>): Promise<UpstreamAnswer | null> {
  let client: Awaited<ReturnType<typeof redis>>;
  try {
    client = await redis();
  } catch {
    return null;
  }
  if (!client) return null;
  const read = async () => {
    const raw = await client.get(`${PREFIX}${taskId}`).catch(() => null);
    return raw ? fromStored(JSON.parse(raw) as Stored) : null;
  };
  const kept = await read();
  if (kept) return kept;
  const lock = await client
    .set(`${PREFIX}lock:${taskId}`, "1", { condition: "NX", expiration: { type: "PX", value: POLL_SHARE_MS } })
    .catch(() => "OK");
  if (lock !== "OK") {
    // Another instance is asking: wait a little for its answer, then ask ourselves (it may have failed).
    for (let waited = 0; waited < POLL_SHARE_MS; waited += 50) {
      await sleep(50);
      const shared = await read();
      if (shared) return shared;
    }
  }
  const answer = await call();
  if (answer.status >= 200 && answer.status < 300) {
    await client
      .set(`${PREFIX}${taskId}`, JSON.stringify(toStored(answer)), { expiration: { type: "PX", value: POLL_SHARE_MS } })
      .catch(() => undefined);
  }
  return answer;
}

/** The task's answer: kept (younger than POLL_SHARE_MS), the call under way, or a new call to the upstream. */
export function sharedPoll(taskId: string, call: () => Promise<UpstreamAnswer>, now = Date.now()): Promise<UpstreamAnswer> {
  const s = state();
  if (s.rehearsals.has(taskId)) {
    s.upstreamCalls++;
    return call();
  }
  const kept = s.kept.get(taskId);
  if (kept && now - kept.at < POLL_SHARE_MS) return Promise.resolve(kept.answer);
  const pending = s.pending.get(taskId);
  if (pending) return pending;
  const counted = () => {
    s.upstreamCalls++;
    return call();
  };
  const p = (async () => {
    const answer = (await viaRedis(taskId, counted)) ?? (await counted());
    if (answer.status >= 200 && answer.status < 300) {
      s.kept.set(taskId, { at: Date.now(), answer });
      // Bounded: entries older than the sharing time are useless; drop them as new ones come.
      if (s.kept.size > 10_000) {
        const cutoff = Date.now() - POLL_SHARE_MS;
        for (const [id, e] of s.kept) if (e.at < cutoff) s.kept.delete(id);
      }
    }
    return answer;
  })().finally(() => s.pending.delete(taskId));
  s.pending.set(taskId, p);
  return p;
}
