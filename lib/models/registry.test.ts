/**
 * The catalog's promise: a model is a spec, and everything derived (server validation, the form, the
 * guide's parameter rows, the OpenAPI document) follows from it. A third, test-only spec is registered
 * here, with no other file changed, and each derived thing is shown to take its values.
 */
import { validate } from "@readme/openapi-parser";
import { describe, expect, it } from "vitest";
import { paramRows } from "@/lib/guide/param-rows";
import { openApiDocument } from "@/lib/openapi/document";
import { frameSize, type ModelSpec } from "@/lib/spec/model-spec";
import {
  formBlocker,
  initialFormState,
  parseCreateTaskRequest,
  schemasFor,
  toCreateRequest,
  toFieldIssues,
  unknownModelMessage,
} from "@/lib/spec/schema";
import { nanoBanana2 } from "./nano-banana-2";
import { DEFAULT_MODEL, findModel, getModel, MODELS } from "./registry";

/** nano-banana-2 under another id, with 3 or 7 seconds and square or landscape frames. */
const testSpec: ModelSpec = {
  ...nanoBanana2,
  id: "test-model",
  name: "test-model",
  upstreamId: { "task-contract": "test-model", "generation-task": "test_model" },
  aspectRatios: ["1:1", "16:9"],
  durations: [3, 7],
  resolutions: [{ value: "720P", frames: { "1:1": { width: 720, height: 720 }, "16:9": { width: 1280, height: 720 } } }],
  defaults: { aspect_ratio: "16:9", duration: 3, resolution: "720P" },
  related: [],
};
const WITH_TEST = [...MODELS, testSpec];
const DURATION_MESSAGE = "duration must be 3 or 7 (seconds).";

const body = (input: Record<string, unknown>) => ({
  model: "test-model",
  mode: "text-to-video",
  input: { prompt: "A square fox", ...input },
});

describe("the registry", () => {
  it("has nano-banana-2 as the default and finds each model by id", () => {
    expect(DEFAULT_MODEL).toBe(nanoBanana2);
    expect(MODELS.map((m) => m.id)).toEqual(["nano-banana-2", "gemini-omni-flash"]);
    expect(findModel("gemini-omni-flash")?.id).toBe("gemini-omni-flash");
    expect(findModel("test-model")).toBeUndefined();
    expect(findModel("test-model", WITH_TEST)).toBe(testSpec);
    expect(() => getModel("nope")).toThrow(/Unknown model nope; the registry has nano-banana-2, gemini-omni-flash/);
  });

  it("every spec's defaults are among its own allowed values, with a frame for each aspect ratio", () => {
    for (const spec of [...MODELS, testSpec]) {
      expect(spec.aspectRatios, spec.id).toContain(spec.defaults.aspect_ratio);
      expect(spec.durations, spec.id).toContain(spec.defaults.duration);
      // Whole seconds: the form's labels print them as they are ("6 s"), with no number formatting.
      for (const d of spec.durations) expect(Number.isInteger(d), `${spec.id} duration ${d}`).toBe(true);
      expect(
        spec.resolutions.map((r) => r.value),
        spec.id,
      ).toContain(spec.defaults.resolution);
      for (const aspect of spec.aspectRatios) expect(frameSize(spec, aspect), `${spec.id} ${aspect}`).not.toBeNull();
    }
  });
});

describe("a third model registered from a test", () => {
  it("is validated by the server with its own durations and aspect ratios", () => {
    const accepted = parseCreateTaskRequest(body({ duration: 3, aspect_ratio: "1:1" }), WITH_TEST);
    expect(accepted).toMatchObject({
      ok: true,
      spec: testSpec,
      value: { model: "test-model", input: { duration: 3, aspect_ratio: "1:1", resolution: "720P" } },
    });
    expect(parseCreateTaskRequest(body({ duration: 7 }), WITH_TEST).ok).toBe(true);
    expect(parseCreateTaskRequest(body({ duration: 6 }), WITH_TEST)).toEqual({
      ok: false,
      issues: [{ param: "input.duration", message: DURATION_MESSAGE }],
    });
    expect(parseCreateTaskRequest(body({ aspect_ratio: "9:16" }), WITH_TEST)).toEqual({
      ok: false,
      issues: [{ param: "input.aspect_ratio", message: "aspect_ratio must be 1:1 or 16:9." }],
    });
    expect(schemasFor(testSpec).createTaskRequest.safeParse(body({ duration: 3 })).success).toBe(true);
    // Its defaults are its own: 3 seconds when the body sends none.
    expect(parseCreateTaskRequest(body({}), WITH_TEST)).toMatchObject({ ok: true, value: { input: { duration: 3 } } });
  });

  it("is unknown to a server that does not register it, and the message names every registered id", () => {
    expect(parseCreateTaskRequest(body({ duration: 3 }))).toEqual({
      ok: false,
      issues: [{ param: "model", message: unknownModelMessage() }],
    });
    expect(parseCreateTaskRequest({ ...body({}), model: "nope" }, WITH_TEST)).toEqual({
      ok: false,
      issues: [{ param: "model", message: "model must be one of nano-banana-2, gemini-omni-flash or test-model." }],
    });
  });

  it("leaves the other models' rules alone: 3 seconds is still refused for nano-banana-2", () => {
    const nano = parseCreateTaskRequest({ ...body({ duration: 3 }), model: "nano-banana-2" }, WITH_TEST);
    expect(nano).toEqual({ ok: false, issues: [{ param: "input.duration", message: "duration must be 6 or 10 (seconds)." }] });
  });

  it("shows its allowed values in the guide's parameter rows", () => {
    const rows = Object.fromEntries(paramRows(testSpec, "text-to-video").map((r) => [r.path, r]));
    expect(rows.model.allowed).toEqual({ kind: "values", values: ["test-model"] });
    expect(rows["input.duration"].allowed).toEqual({ kind: "values", values: [3, 7], unit: "seconds" });
    expect(rows["input.duration"].default).toBe(3);
    expect(rows["input.aspect_ratio"].allowed).toEqual({ kind: "values", values: ["1:1", "16:9"] });
  });

  it("has its own branch in the OpenAPI document, a valid one", async () => {
    const doc = openApiDocument(undefined, WITH_TEST) as { components: { schemas: Record<string, any> } };
    const schemas = doc.components.schemas;
    expect(schemas.CreateTaskRequest.discriminator.mapping["test-model"]).toBe("#/components/schemas/CreateTaskRequest_test_model");
    expect(schemas.CreateTaskRequest.oneOf).toContainEqual({ $ref: "#/components/schemas/CreateTaskRequest_test_model" });
    expect(Object.keys(schemas.CreateTaskRequest_test_model.discriminator.mapping)).toEqual(testSpec.modes.map((m) => m.id));
    const input = schemas.CreateTaskRequest_test_model_text_to_video.properties.input;
    expect(input.properties.duration).toMatchObject({ type: "integer", enum: [3, 7], default: 3 });
    expect(input.properties.aspect_ratio.enum).toEqual(["1:1", "16:9"]);
    // The registered models' branches are unchanged.
    expect(schemas.CreateTaskRequest_nano_banana_2_text_to_video.properties.input.properties.duration.enum).toEqual([6, 10]);
    expect(openApiDocument().components).not.toHaveProperty("schemas.CreateTaskRequest_test_model");
    const result = await validate(structuredClone(doc) as Parameters<typeof validate>[0]);
    expect(result.valid ? [] : result.errors).toEqual([]);
  });

  it("its form refuses 6 seconds as you would pick it, and takes 3", () => {
    const form = schemasFor(testSpec).form;
    const state = { ...initialFormState(testSpec), prompt: "A square fox" };
    expect(state.duration).toBe(3);
    expect(form.safeParse(state).success).toBe(true);
    const six = form.safeParse({ ...state, duration: 6 });
    expect(six.success).toBe(false);
    if (!six.success) expect(toFieldIssues(six.error)).toEqual([{ param: "duration", message: DURATION_MESSAGE }]);
    expect(formBlocker(testSpec, { ...state, duration: 6 })).toBe(DURATION_MESSAGE);
    expect(formBlocker(testSpec, { ...state, duration: 7, aspect_ratio: "1:1" })).toBeNull();
    // What the form sends is what the server takes.
    const request = toCreateRequest(testSpec, { ...state, duration: 7, aspect_ratio: "1:1" });
    expect(parseCreateTaskRequest(request, WITH_TEST)).toEqual({ ok: true, value: request, spec: testSpec });
  });
});
