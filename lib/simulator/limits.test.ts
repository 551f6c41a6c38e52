import { mkdtemp, readdir, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ApiError } from "@/lib/errors";
import { imageSideRefusal } from "./engine";
import { DiskBudget, RenderAdmission, Semaphore } from "./limits";

const saved = { ...process.env };
let dir = "";
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "nb2-limits-"));
});
afterEach(async () => {
  process.env = { ...saved };
  await rm(dir, { recursive: true, force: true });
});

/** The first bytes of a PNG of w×h pixels: enough for its header to state the size (a few-MB file could be 16k×16k). */
function pngHeader(w: number, h: number): Buffer {
  const b = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(b, 0);
  b.writeUInt32BE(13, 8);
  b.write("IHDR", 12, "latin1");
  b.writeUInt32BE(w, 16);
  b.writeUInt32BE(h, 20);
  b[24] = 8;
  b[25] = 6;
  return b;
}

describe("the render queue", () => {
  it("answers 503 simulator_busy with Retry-After once full, and admits again when a render ends", () => {
    process.env.SIMULATOR_RENDER_QUEUE = "3";
    process.env.SIMULATOR_TASKS_PER_CLIENT = "5";
    const q = new RenderAdmission();
    const done = [q.admit("a"), q.admit("b"), q.admit("c")];
    let err: ApiError | undefined;
    try {
      q.admit("d");
    } catch (e) {
      err = e as ApiError;
    }
    expect(err?.status).toBe(503);
    expect(err?.type).toBe("simulator_busy");
    expect(err?.headers["retry-after"]).toMatch(/^\d+$/);
    done[0]();
    done[0](); // released once only
    expect(q.inFlight).toBe(2);
    expect(() => q.admit("d")).not.toThrow();
  });

  it("lets one client have only SIMULATOR_TASKS_PER_CLIENT renders in flight (429), others still get in", () => {
    process.env.SIMULATOR_RENDER_QUEUE = "10";
    process.env.SIMULATOR_TASKS_PER_CLIENT = "2";
    const q = new RenderAdmission();
    const first = q.admit("198.51.100.7");
    q.admit("198.51.100.7");
    expect(() => q.admit("198.51.100.7")).toThrow(expect.objectContaining({ status: 429, type: "rate_limit_exceeded" }));
    expect(() => q.admit("203.0.113.9")).not.toThrow();
    first();
    expect(() => q.admit("198.51.100.7")).not.toThrow();
  });
});

describe("the disk bound and retention", () => {
  it("refuses bytes past SIMULATOR_MAX_DISK_MB with a 503 in the envelope", async () => {
    process.env.SIMULATOR_MAX_DISK_MB = "1";
    const disk = new DiskBudget(dir);
    await disk.assertRoom();
    disk.add(600 * 1024);
    expect(() => disk.add(600 * 1024)).toThrow(
      expect.objectContaining({ status: 503, type: "simulator_busy", message: expect.stringMatching(/disk is full/) }),
    );
    // What is on disk counts, whoever wrote it (the sweep recounts the directory).
    await writeFile(path.join(dir, "upl_x.mp4"), Buffer.alloc(1024 * 1024));
    await expect(new DiskBudget(dir).assertRoom()).rejects.toMatchObject({ status: 503 });
  });

  it("deletes files older than SIMULATOR_RETENTION_HOURS and counts the rest", async () => {
    process.env.SIMULATOR_RETENTION_HOURS = "24";
    await writeFile(path.join(dir, "old.mp4"), Buffer.alloc(1000));
    await writeFile(path.join(dir, "new.mp4"), Buffer.alloc(500));
    const dayAgo = (Date.now() - 25 * 3600_000) / 1000;
    await utimes(path.join(dir, "old.mp4"), dayAgo, dayAgo);
    const disk = new DiskBudget(dir);
    await disk.sweep(Date.now(), true);
    expect(await readdir(dir)).toEqual(["new.mp4"]);
    expect(disk.usedBytes).toBe(500);
  });
});

describe("images above 4096 px on a side", () => {
  it("are refused naming the field, from the header alone", async () => {
    const big = path.join(dir, "big.png");
    await writeFile(big, pngHeader(16384, 16384));
    expect(await imageSideRefusal(big, "image_url")).toMatch(/^image_url is 16384×16384 px; images may be at most 4096 px on a side/);
    const ok = path.join(dir, "ok.png");
    await writeFile(ok, pngHeader(4096, 2304));
    expect(await imageSideRefusal(ok, "file")).toBeNull();
  });
});

describe("Semaphore", () => {
  it("runs at most `limit` at once", async () => {
    const s = new Semaphore(() => 2);
    let running = 0;
    let peak = 0;
    const job = () =>
      s.run(async () => {
        running++;
        peak = Math.max(peak, running);
        await new Promise((r) => setTimeout(r, 5));
        running--;
      });
    await Promise.all(Array.from({ length: 7 }, job));
    expect(peak).toBe(2);
    expect(s.inUse).toBe(0);
  });
});
