import "fake-indexeddb/auto";
import { IDBFactory } from "fake-indexeddb";
import { beforeEach, describe, expect, it } from "vitest";
import { SAVED_RUN_FORMAT, SAVED_RUN_VERSION, type SavedRun } from "@/lib/runs/saved-run";
import {
  addRuns,
  ClipQuotaError,
  clearRuns,
  clipUsage,
  deleteRun,
  dropAllClips,
  dropClip,
  getRun,
  keepClip,
  listRuns,
  putRun,
  resetConnectionForTests,
  setPoster,
  subscribe,
} from "./store";

function savedRun(id: string, startedAt: number, prompt = "A cat"): SavedRun {
  return {
    format: SAVED_RUN_FORMAT,
    version: SAVED_RUN_VERSION,
    id,
    model: "nano-banana-2",
    mode: "text-to-video",
    ranAt: new Date(startedAt).toISOString(),
    request: { model: "nano-banana-2", mode: "text-to-video", input: { prompt } } as SavedRun["request"],
    startedAt,
    finishedAt: startedAt + 5000,
    exchanges: [],
    waits: [],
    notes: [],
  };
}

const clip = (bytes: number) => new Blob([new Uint8Array(bytes)], { type: "video/mp4" });

beforeEach(() => {
  resetConnectionForTests();
  globalThis.indexedDB = new IDBFactory();
});

describe("history store", () => {
  it("lists runs newest first, with posters and clip sizes but without clips", async () => {
    await putRun(savedRun("a", 1000));
    await putRun(savedRun("c", 3000), { poster: new Blob(["jpg"], { type: "image/jpeg" }) });
    await putRun(savedRun("b", 2000), { clip: clip(10) });
    const runs = await listRuns();
    expect(runs.map((r) => r.run.id)).toEqual(["c", "b", "a"]);
    expect(runs[0].poster?.size).toBe(3);
    expect(runs[1].clipBytes).toBe(10);
    expect(runs[1].clip).toBeUndefined();
    expect((await getRun("b"))?.clip?.size).toBe(10);
  });

  it("saves the same run once (by id), keeping its poster and clip", async () => {
    await putRun(savedRun("a", 1000), { poster: new Blob(["p"]) });
    await keepClip("a", clip(5));
    await putRun({ ...savedRun("a", 1000), notes: [{ key: "noRetry", values: { status: "400" } }] });
    const runs = await listRuns();
    expect(runs).toHaveLength(1);
    expect(runs[0].run.notes).toEqual([{ key: "noRetry", values: { status: "400" } }]);
    expect(runs[0].poster?.size).toBe(1);
    expect(runs[0].clipBytes).toBe(5);
  });

  it("adds up the space clips take and frees it on request", async () => {
    await putRun(savedRun("a", 1000), { clip: clip(100) });
    await putRun(savedRun("b", 2000), { clip: clip(50) });
    expect(await clipUsage()).toBe(150);
    await dropClip("a");
    expect(await clipUsage()).toBe(50);
    expect((await getRun("a"))?.clip).toBeUndefined();
    await dropAllClips();
    expect(await clipUsage()).toBe(0);
    expect(await listRuns()).toHaveLength(2);
  });

  it("keeps the run's JSON when the browser refuses its clip", async () => {
    await putRun(savedRun("a", 1000));
    const { IDBObjectStore } = globalThis as unknown as { IDBObjectStore: { prototype: { put: (...a: unknown[]) => unknown } } };
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: { name: string }, ...args: unknown[]) {
      if (this.name === "clips") throw new DOMException("full", "QuotaExceededError");
      return put.apply(this, args);
    };
    try {
      await expect(putRun(savedRun("b", 2000), { clip: clip(10) })).rejects.toBeInstanceOf(ClipQuotaError);
      await expect(keepClip("a", clip(10))).rejects.toBeInstanceOf(ClipQuotaError);
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    const runs = await listRuns();
    expect(runs.map((r) => [r.run.id, r.clipBytes])).toEqual([
      ["b", undefined],
      ["a", undefined],
    ]);
  });

  it("sets a poster later, deletes one run and clears all", async () => {
    await putRun(savedRun("a", 1000));
    await putRun(savedRun("b", 2000), { clip: clip(3) });
    await setPoster("a", new Blob(["poster"]));
    expect((await getRun("a"))?.poster?.size).toBe(6);
    await deleteRun("b");
    expect((await listRuns()).map((r) => r.run.id)).toEqual(["a"]);
    expect(await clipUsage()).toBe(0);
    await clearRuns();
    expect(await listRuns()).toEqual([]);
  });

  it("adds imported runs once, all in one transaction", async () => {
    await putRun(savedRun("a", 1000));
    const result = await addRuns([savedRun("a", 1000, "other"), savedRun("b", 2000), savedRun("b", 2000)], new Map([["b", clip(7)]]));
    expect(result).toEqual({ added: ["b"], skipped: ["a", "b"] });
    expect((await getRun("a"))?.run.request?.input.prompt).toBe("A cat");
    expect((await getRun("b"))?.clip?.size).toBe(7);
  });

  it("writes nothing of an import that fails part-way", async () => {
    const { IDBObjectStore } = globalThis as unknown as { IDBObjectStore: { prototype: { put: (...a: unknown[]) => unknown } } };
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: { name: string }, ...args: unknown[]) {
      if (this.name === "clips") throw new DOMException("full", "QuotaExceededError");
      return put.apply(this, args);
    };
    try {
      await expect(addRuns([savedRun("a", 1000), savedRun("b", 2000)], new Map([["b", clip(7)]]))).rejects.toThrow();
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    expect(await listRuns()).toEqual([]);
  });

  it("tells subscribers about every change", async () => {
    let calls = 0;
    const unsubscribe = subscribe(() => calls++);
    await putRun(savedRun("a", 1000));
    await keepClip("a", clip(1));
    await deleteRun("a");
    unsubscribe();
    await putRun(savedRun("b", 1000));
    expect(calls).toBe(3);
  });
});
