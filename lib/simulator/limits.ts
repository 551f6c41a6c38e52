import "server-only";
import { readdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import { ApiError } from "@/lib/errors";

/**
 * What the simulator may spend, as a public demo whose inputs anyone can send: disk (a bound, and a
 * retention after which files are deleted), downloads at once, renders waiting, tasks in flight per
 * client. Each is a variable with a default sized for a 2-core, few-GB machine (docs/configuration.md).
 */

function envNumber(name: string, fallback: number, min = 0): number {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  const n = Number(raw);
  return Number.isFinite(n) && n >= min ? n : fallback;
}

export const simulatorLimits = () => ({
  /** SIMULATOR_RETENTION_HOURS: uploads, downloads and rendered videos are deleted after this long. */
  retentionMs: envNumber("SIMULATOR_RETENTION_HOURS", 24, 0.001) * 3600_000,
  /** SIMULATOR_MAX_DISK_MB: the most the simulator's files may take on disk. */
  maxDiskBytes: Math.round(envNumber("SIMULATOR_MAX_DISK_MB", 2048, 1) * 1024 * 1024),
  /** SIMULATOR_MAX_DOWNLOADS: input URLs downloaded at once by this instance. */
  maxDownloads: Math.floor(envNumber("SIMULATOR_MAX_DOWNLOADS", 3, 1)),
  /** SIMULATOR_RENDER_QUEUE: renders admitted at once (running and waiting) by this instance. */
  renderQueue: Math.floor(envNumber("SIMULATOR_RENDER_QUEUE", 8, 1)),
  /** SIMULATOR_TASKS_PER_CLIENT: renders one client may have in flight. */
  tasksPerClient: Math.floor(envNumber("SIMULATOR_TASKS_PER_CLIENT", 2, 1)),
});

/** The simulator's 503 (busy or out of disk), in the envelope, with Retry-After. */
export function simulatorBusy(message: string, retryAfterSeconds: number, requestId?: string): ApiError {
  return new ApiError(503, "simulator_busy", message, { requestId, headers: { "retry-after": String(retryAfterSeconds) } });
}

export function diskFull(limit: number, requestId?: string): ApiError {
  return simulatorBusy(
    `The simulator's disk is full (its bound is ${Math.round(limit / 1024 / 1024)} MB, SIMULATOR_MAX_DISK_MB): files are deleted after their retention period. Try again later.`,
    600,
    requestId,
  );
}

/**
 * The simulator's files on disk: their total size, kept as files are added and deleted and recounted
 * at each sweep; the sweep deletes files older than the retention period (by modification time, so
 * records in Redis whose instance is gone are covered too).
 */
export class DiskBudget {
  private used = 0;
  private scanned = false;
  private lastSweep = 0;
  constructor(readonly dir: string) {}

  get usedBytes(): number {
    return this.used;
  }

  /** Recounts the directory and deletes what outlived the retention period (at most once a minute unless forced). */
  async sweep(now = Date.now(), force = false): Promise<void> {
    if (!force && this.scanned && now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    const { retentionMs } = simulatorLimits();
    let total = 0;
    const names = await readdir(this.dir).catch(() => [] as string[]);
    for (const name of names) {
      const p = path.join(this.dir, name);
      const st = await stat(p).catch(() => null);
      if (!st?.isFile()) continue;
      if (now - st.mtimeMs > retentionMs) await rm(p, { force: true }).catch(() => undefined);
      else total += st.size;
    }
    this.used = total;
    this.scanned = true;
  }

  /**
   * Throws the 503 unless `reserve` more bytes fit under the bound (after a sweep, which may free room).
   * A render reserves room for its video, whose size is known only once ffmpeg is done.
   */
  async assertRoom(requestId?: string, reserve = 0): Promise<void> {
    await this.sweep();
    const { maxDiskBytes } = simulatorLimits();
    if (this.used + reserve < maxDiskBytes) return;
    await this.sweep(Date.now(), true);
    if (this.used + reserve >= maxDiskBytes) throw diskFull(maxDiskBytes, requestId);
  }

  /** Counts bytes about to be written; throws the 503 (and does not count them) past the bound. */
  add(bytes: number, requestId?: string): void {
    const { maxDiskBytes } = simulatorLimits();
    if (this.used + bytes > maxDiskBytes) throw diskFull(maxDiskBytes, requestId);
    this.used += bytes;
  }

  /** Deletes a file and uncounts it. */
  async remove(filePath: string): Promise<void> {
    const st = await stat(filePath).catch(() => null);
    await rm(filePath, { force: true }).catch(() => undefined);
    if (st) this.used = Math.max(0, this.used - st.size);
  }

  /** Counts bytes already written (a rendered video: its size is known once it is done). */
  note(bytes: number): void {
    this.used += bytes;
  }

  release(bytes: number): void {
    this.used = Math.max(0, this.used - bytes);
  }
}

/** At most `limit()` holders at once; the others wait their turn (first come, first served). */
export class Semaphore {
  private held = 0;
  private waiting: (() => void)[] = [];
  constructor(private readonly limit: () => number) {}
  get inUse(): number {
    return this.held;
  }
  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.held >= this.limit()) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.held++;
    try {
      return await fn();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.held--;
    }
  }
}

/**
 * Renders admitted at once, in total and per client: a new render is refused with a 503 when the queue
 * is full and a 429 when its client already has its share in flight. `release` is called when it ends.
 */
export class RenderAdmission {
  private total = 0;
  private perClient = new Map<string, number>();

  get inFlight(): number {
    return this.total;
  }

  /** `client` null: a caller holding the key (not a visitor through the proxy), held to the queue's bound only. */
  admit(client: string | null, requestId?: string): () => void {
    const { renderQueue, tasksPerClient } = simulatorLimits();
    if (this.total >= renderQueue) {
      throw simulatorBusy(
        `The simulator is busy: ${this.total} videos are rendering or waiting (SIMULATOR_RENDER_QUEUE is ${renderQueue}). Try again in a few seconds.`,
        10,
        requestId,
      );
    }
    if (client === null) {
      this.total++;
      let done = false;
      return () => {
        if (!done) this.total--;
        done = true;
      };
    }
    const mine = this.perClient.get(client) ?? 0;
    if (mine >= tasksPerClient) {
      throw new ApiError(
        429,
        "rate_limit_exceeded",
        `You already have ${mine} videos rendering on the simulator (at most ${tasksPerClient} per visitor): wait for one to finish.`,
        { requestId, headers: { "retry-after": "5" } },
      );
    }
    this.total++;
    this.perClient.set(client, mine + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.total--;
      const left = (this.perClient.get(client) ?? 1) - 1;
      if (left <= 0) this.perClient.delete(client);
      else this.perClient.set(client, left);
    };
  }
}
