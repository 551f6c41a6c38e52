import { describe, expect, it } from "vitest";
import { DEFAULTS, MODEL_ID } from "./nano-banana-2";
import { minimalCreateRequest, minimalCreateResponse, seedExampleIssues, SEED_EXAMPLE } from "./examples";
import { parseCreateTaskRequest, TASK_ID_PATTERN } from "./schema";

describe("guide examples", () => {
  it("the minimal request is valid and carries the spec's defaults", () => {
    const req = minimalCreateRequest();
    expect(parseCreateTaskRequest(req)).toEqual({ ok: true, value: req });
    expect(req).toMatchObject({ model: MODEL_ID, mode: "text-to-video", input: DEFAULTS });
  });

  it("the minimal response is a queued task of the same model and mode", () => {
    const res = minimalCreateResponse();
    expect(res).toMatchObject({ model: MODEL_ID, mode: "text-to-video", status: "queued" });
    expect(res.task_id).toMatch(TASK_ID_PATTERN);
    expect(Number.isNaN(Date.parse(res.created_at ?? ""))).toBe(false);
  });

  it("the seed's duration 5 is refused with the allowed values named", () => {
    expect(SEED_EXAMPLE.input.duration).toBe(5);
    expect(seedExampleIssues()).toEqual([{ param: "input.duration", message: "duration must be 6 or 10 (seconds)." }]);
  });
});
