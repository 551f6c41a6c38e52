import "fake-indexeddb/auto";
import { IDBFactory } from "fake-indexeddb";
import { beforeEach, describe, expect, it } from "vitest";
import { SAVED_RUN_FORMAT, SAVED_RUN_VERSION, type SavedRun } from "@/lib/runs/saved-run";
import { exportHistory, importHistory } from "./io";
import { getRun, keepClip, listRuns, putRun, resetConnectionForTests } from "./store";
import { HISTORY_FORMAT, HISTORY_VERSION, historyFileText, IMPORT_LIMIT_BYTES, parseHistoryFile, parseHistoryText } from "./transfer";

function savedRun(id: string, startedAt: number, prompt = "A cat on a windowsill"): SavedRun {
  return {
    format: SAVED_RUN_FORMAT,
    version: SAVED_RUN_VERSION,
    id,
    model: "nano-banana-2",
    mode: "text-to-video",
    ranAt: new Date(startedAt).toISOString(),
    request: { model: "nano-banana-2", mode: "text-to-video", input: { prompt, aspect_ratio: "16:9", resolution: "720P", duration: 6 } },
    startedAt,
    finishedAt: startedAt + 5000,
    exchanges: [],
    waits: [],
    notes: [],
  };
}

const mp4 = (bytes: number[]) => new Blob([new Uint8Array(bytes)], { type: "video/mp4" });

beforeEach(() => {
  resetConnectionForTests();
  globalThis.indexedDB = new IDBFactory();
});

describe("history file", () => {
  it("round-trips runs and clips (bytes exact)", async () => {
    const text = await historyFileText([savedRun("a", 1), savedRun("b", 2)], { clips: new Map([["b", mp4([0, 1, 2, 250, 255])]]) });
    const parsed = parseHistoryText(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.runs.map((r) => r.id)).toEqual(["a", "b"]);
    const clip = parsed.value.clips.get("b")!;
    expect(clip.type).toBe("video/mp4");
    expect([...new Uint8Array(await clip.arrayBuffer())]).toEqual([0, 1, 2, 250, 255]);
  });

  it("carries each run's poster; a poster that does not check out is left out, and its run still imports", async () => {
    await putRun(savedRun("a", 1000), { poster: new Blob([new Uint8Array([1, 2, 3])], { type: "image/webp" }) });
    await putRun(savedRun("b", 2000));
    const { text } = await exportHistory({ withClips: false });
    expect(JSON.parse(text).posters).toEqual([{ runId: "a", mime: "image/webp", base64: "AQID" }]);

    resetConnectionForTests();
    globalThis.indexedDB = new IDBFactory();
    expect(await importHistory(new Blob([text]))).toMatchObject({ ok: true, added: ["b", "a"] });
    const poster = (await getRun("a"))?.poster;
    expect(poster?.type).toBe("image/webp");
    expect([...new Uint8Array(await poster!.arrayBuffer())]).toEqual([1, 2, 3]);
    expect((await getRun("b"))?.poster).toBeUndefined();

    const bad = JSON.stringify({
      ...JSON.parse(text),
      posters: [
        { runId: "a", mime: "text/html", base64: "AQID" },
        { runId: "zzz", mime: "image/png", base64: "AQID" },
      ],
    });
    const parsed = parseHistoryText(bad);
    expect(parsed.ok && parsed.value.runs.length).toBe(2);
    expect(parsed.ok && parsed.value.posters.size).toBe(0);
  });

  it("names the problem of a file that is not ours, newer, truncated, empty, too large or holds a bad run", async () => {
    const good = await historyFileText([savedRun("a", 1)]);
    expect(parseHistoryText(JSON.stringify({ log: { version: "1.2" } }))).toMatchObject({ ok: false, problem: { kind: "not-ours" } });
    expect(parseHistoryText(JSON.stringify({ format: "other", version: 1, runs: [] }))).toMatchObject({ problem: { kind: "not-ours" } });
    expect(parseHistoryText(JSON.stringify({ ...JSON.parse(good), version: HISTORY_VERSION + 1 }))).toMatchObject({
      problem: { kind: "newer-version", version: HISTORY_VERSION + 1, supported: HISTORY_VERSION },
    });
    expect(parseHistoryText(good.slice(0, good.length - 20))).toMatchObject({ problem: { kind: "not-json" } });
    expect(parseHistoryText("  ")).toMatchObject({ problem: { kind: "empty" } });
    expect(parseHistoryText(JSON.stringify({ format: HISTORY_FORMAT, version: 1, exportedAt: "x" }))).toMatchObject({
      problem: { kind: "bad-envelope", detail: expect.stringContaining("runs") },
    });
    const badRun = { ...savedRun("b", 2), request: { ...savedRun("b", 2).request, input: { prompt: "x", duration: 5 } } };
    expect(parseHistoryText(JSON.stringify({ ...JSON.parse(good), runs: [savedRun("a", 1), badRun] }))).toMatchObject({
      problem: { kind: "bad-run", index: 1, id: "b", detail: expect.stringContaining("duration") },
    });
    expect(
      parseHistoryText(JSON.stringify({ ...JSON.parse(good), clips: [{ runId: "zzz", mime: "video/mp4", base64: "AAAA" }] })),
    ).toMatchObject({ problem: { kind: "bad-clip", index: 0, detail: expect.stringContaining("zzz") } });
    expect(
      parseHistoryText(JSON.stringify({ ...JSON.parse(good), clips: [{ runId: "a", mime: "text/html", base64: "AAAA" }] })),
    ).toMatchObject({
      problem: { kind: "bad-clip", detail: expect.stringContaining("mime") },
    });
    // Over the limit: refused on its size, before a byte of it is read.
    const huge = { size: IMPORT_LIMIT_BYTES + 1, text: () => Promise.reject(new Error("read")) } as unknown as Blob;
    expect(await parseHistoryFile(huge)).toMatchObject({ ok: false, problem: { kind: "too-large", limit: IMPORT_LIMIT_BYTES } });
  });

  it("exports the history and imports it elsewhere; nothing is imported twice", async () => {
    await putRun(savedRun("a", 1000));
    await putRun(savedRun("b", 2000));
    await keepClip("b", mp4([9, 8, 7]));
    const withClips = await exportHistory({ withClips: true });
    const runsOnly = await exportHistory({ withClips: false });
    expect(withClips).toMatchObject({ runs: 2, clips: 1 });
    expect(runsOnly).toMatchObject({ runs: 2, clips: 0 });
    expect(JSON.parse(runsOnly.text).clips).toBeUndefined();

    resetConnectionForTests();
    globalThis.indexedDB = new IDBFactory();
    await putRun(savedRun("a", 1000, "changed here"));
    const result = await importHistory(new Blob([withClips.text]));
    expect(result).toEqual({ ok: true, added: ["b"], skipped: ["a"] });
    expect((await getRun("a"))?.run.request?.input.prompt).toBe("changed here");
    expect([...new Uint8Array(await (await getRun("b"))!.clip!.arrayBuffer())]).toEqual([9, 8, 7]);
    expect(await importHistory(new Blob([withClips.text]))).toEqual({ ok: true, added: [], skipped: ["b", "a"] });
  });

  it("a refused import leaves the history unchanged, even when only its last run is bad", async () => {
    await putRun(savedRun("a", 1000));
    const before = await listRuns();
    const text = JSON.stringify({
      format: HISTORY_FORMAT,
      version: HISTORY_VERSION,
      exportedAt: new Date().toISOString(),
      runs: [savedRun("x", 5), savedRun("y", 6), { ...savedRun("z", 7), model: "no-such-model" }],
    });
    expect(await importHistory(new Blob([text]))).toMatchObject({ ok: false, problem: { kind: "bad-run", index: 2 } });
    expect(await listRuns()).toEqual(before);
  });
});
