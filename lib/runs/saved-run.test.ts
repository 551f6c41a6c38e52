import { describe, expect, it } from "vitest";
import type { Exchange } from "@/lib/client/api";
import { type Run, runReducer } from "@/lib/client/run";
import { parseSavedRun, runFromSavedRun, SAVED_RUN_VERSION, savedRunFromRun } from "./saved-run";

const REQUEST = {
  model: "nano-banana-2" as const,
  mode: "text-to-video" as const,
  input: { prompt: "a fox at dawn", aspect_ratio: "16:9" as const, resolution: "720P" as const, duration: 6 },
};
const exchange: Exchange = {
  id: "x1",
  label: "Create",
  method: "POST",
  path: "/api/tasks",
  startedAt: 1000,
  latencyMs: 42,
  status: 200,
  requestHeaders: { "content-type": "application/json" },
  requestBody: REQUEST,
  responseBody: { task_id: "task_1", status: "queued" },
};

function finishedRun(): Run {
  let run = runReducer(null, { type: "start", request: REQUEST, uploads: [], now: 1000, idempotencyKey: "idem_1" });
  run = runReducer(run, { type: "exchange", exchange });
  run = runReducer(run, {
    type: "task",
    task: {
      task_id: "task_1",
      model: "nano-banana-2",
      mode: "text-to-video",
      status: "succeeded",
      output: { video_url: "https://cdn.example/v.mp4" },
    },
    now: 9000,
  });
  return run!;
}

describe("saved runs", () => {
  it("a run goes out and comes back as the same run, through JSON", () => {
    const run = finishedRun();
    const saved = savedRunFromRun(run, { id: "run_1", model: "nano-banana-2" });
    expect(saved).toMatchObject({
      mode: "text-to-video",
      ranAt: new Date(1000).toISOString(),
      video: { url: "https://cdn.example/v.mp4" },
    });
    const back = parseSavedRun(JSON.parse(JSON.stringify(saved)));
    expect(back.ok).toBe(true);
    if (back.ok) expect(runFromSavedRun(back.run)).toEqual(run);
  });

  it("refuses what is not a saved run, a newer version, an unknown model and a request its spec rejects, naming the problem", () => {
    const saved = savedRunFromRun(finishedRun(), { id: "run_1", model: "nano-banana-2" });
    expect(parseSavedRun({ hello: 1 })).toMatchObject({ ok: false, problems: [{ path: "format" }] });
    expect(parseSavedRun({ ...saved, version: SAVED_RUN_VERSION + 1 })).toMatchObject({ ok: false, problems: [{ path: "version" }] });
    expect(parseSavedRun({ ...saved, model: "nope" })).toMatchObject({ ok: false, problems: [{ path: "model" }] });
    const bad = parseSavedRun({ ...saved, request: { ...REQUEST, input: { ...REQUEST.input, duration: 5 } } });
    expect(bad).toMatchObject({ ok: false, problems: [{ path: "request.input.duration" }] });
    expect(parseSavedRun({ ...saved, exchanges: [{ id: 1 }] })).toMatchObject({ ok: false });
  });
});
