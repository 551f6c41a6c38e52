import { describe, expect, it } from "vitest";
import { geminiOmniFlash } from "@/lib/models/gemini-omni-flash";
import { getModel } from "@/lib/models/registry";
import { CONTRACT_MODES, type ModeId, PROMPT_MAX_CHARS } from "./contract";
import { allowedValues, fieldsOf, type ModelSpec, modeIdsOf } from "./model-spec";
import { type FormState, initialFormState, parseCreateTaskRequest, schemasFor, toCreateRequest, toFieldIssues } from "./schema";

const nanoBanana2 = getModel("nano-banana-2");
const IMG = "https://cdn.example.com/a.png";
const VID = "https://cdn.example.com/clip.mp4";

/** A minimal valid input for each mode. */
function validInput(mode: ModeId): Record<string, unknown> {
  const input: Record<string, unknown> = { prompt: "A cinematic city sunrise with soft fog and moving traffic." };
  if (mode === "image-to-video") input.image_url = IMG;
  if (mode === "r2v") input.reference_image_urls = [IMG];
  if (mode === "video-edit") input.video_url = VID;
  return input;
}

function body(mode: ModeId, input: Record<string, unknown>, model = "nano-banana-2") {
  return { model, mode, input };
}

function refused(mode: ModeId, input: Record<string, unknown>, model = "nano-banana-2") {
  const result = parseCreateTaskRequest(body(mode, input, model));
  if (result.ok) throw new Error(`expected ${JSON.stringify(input)} to be refused in ${mode} of ${model}`);
  return result.issues;
}

describe.each(modeIdsOf(nanoBanana2))("nano-banana-2, mode %s", (mode) => {
  it("accepts the minimal request and fills the spec's defaults", () => {
    const result = parseCreateTaskRequest(body(mode, validInput(mode)));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.spec).toBe(nanoBanana2);
    expect(result.value.input.aspect_ratio).toBe("16:9");
    expect(result.value.input.resolution).toBe("720P");
    if (mode === "video-edit") expect(result.value.input).not.toHaveProperty("duration");
    else expect(result.value.input.duration).toBe(6);
  });

  it.each(nanoBanana2.aspectRatios)("accepts aspect_ratio %s", (aspect_ratio) => {
    expect(parseCreateTaskRequest(body(mode, { ...validInput(mode), aspect_ratio })).ok).toBe(true);
  });

  it.each(["4:3", "1:1", "16x9", "", 169, null])("refuses aspect_ratio %j and names the allowed values", (aspect_ratio) => {
    expect(refused(mode, { ...validInput(mode), aspect_ratio })).toContainEqual({
      param: "input.aspect_ratio",
      message: "aspect_ratio must be 16:9 or 9:16.",
    });
  });

  it.each(allowedValues(nanoBanana2, "resolution"))("accepts resolution %s", (resolution) => {
    expect(parseCreateTaskRequest(body(mode, { ...validInput(mode), resolution })).ok).toBe(true);
  });

  it.each(["1080P", "1080p", "720p", "4K", 720])("refuses resolution %j", (resolution) => {
    expect(refused(mode, { ...validInput(mode), resolution })).toContainEqual({
      param: "input.resolution",
      message: "resolution must be 720P.",
    });
  });

  if (mode === "video-edit") {
    it.each(nanoBanana2.durations)("refuses duration %s: the output follows the source", (duration) => {
      const issues = refused(mode, { ...validInput(mode), duration });
      expect(issues[0].param).toBe("input.duration");
      expect(issues[0].message).toMatch(/duration: not a field of Video Edit/);
    });
  } else {
    it.each(nanoBanana2.durations)("accepts duration %s", (duration) => {
      expect(parseCreateTaskRequest(body(mode, { ...validInput(mode), duration })).ok).toBe(true);
    });
    it.each([4, 5, 7, 8, 0, -6, 6.5, 11, "6", null])("refuses duration %j and names 6 or 10", (duration) => {
      expect(refused(mode, { ...validInput(mode), duration })).toContainEqual({
        param: "input.duration",
        message: "duration must be 6 or 10 (seconds).",
      });
    });
  }

  it("trims the prompt and accepts exactly the limit", () => {
    const result = parseCreateTaskRequest(body(mode, { ...validInput(mode), prompt: `  ${"é".repeat(PROMPT_MAX_CHARS)}  ` }));
    expect(result.ok && result.value.input.prompt.length).toBe(PROMPT_MAX_CHARS);
  });

  it("counts characters, not UTF-16 units (2000 emoji fit)", () => {
    expect(parseCreateTaskRequest(body(mode, { ...validInput(mode), prompt: "🎬".repeat(PROMPT_MAX_CHARS) })).ok).toBe(true);
  });

  it.each([
    ["", /prompt is required/],
    ["   \n  ", /prompt is required/],
    ["x".repeat(PROMPT_MAX_CHARS + 1), /prompt is 2001 characters; the limit is 2000/],
    [42, /prompt is required/],
  ])("refuses prompt %j", (prompt, message) => {
    const issues = refused(mode, { ...validInput(mode), prompt });
    expect(issues[0].param).toBe("input.prompt");
    expect(issues[0].message).toMatch(message);
  });

  it("refuses a request without a prompt", () => {
    const { prompt: _omit, ...rest } = validInput(mode);
    expect(refused(mode, rest)[0].param).toBe("input.prompt");
  });

  it("refuses fields of other modes", () => {
    const foreign = CONTRACT_MODES.flatMap((m) => (m.media && m.id !== mode ? [m.media] : []));
    for (const field of foreign) {
      const value = field === "reference_image_urls" ? [IMG] : IMG;
      const issues = refused(mode, { ...validInput(mode), [field]: value });
      expect(issues).toContainEqual(expect.objectContaining({ param: `input.${field}` }));
    }
  });

  it("refuses a model id the registry does not have and names the ones it has", () => {
    for (const model of ["gemini_omni", "nope", "", 42]) {
      const result = parseCreateTaskRequest({ model, mode, input: validInput(mode) });
      expect(result.ok).toBe(false);
      if (!result.ok)
        expect(result.issues).toEqual([{ param: "model", message: "model must be one of nano-banana-2 or gemini-omni-flash." }]);
    }
  });

  it("the model's own schema names its id when the body names another", () => {
    const result = schemasFor(nanoBanana2).createTaskRequest.safeParse(body(mode, validInput(mode), "gemini-omni-flash"));
    expect(result.success).toBe(false);
    if (!result.success) expect(toFieldIssues(result.error)).toContainEqual({ param: "model", message: 'model must be "nano-banana-2".' });
  });
});

describe("gemini-omni-flash", () => {
  const flash = (mode: ModeId, patch: Record<string, unknown>) =>
    parseCreateTaskRequest(body(mode, { ...validInput(mode), ...patch }, "gemini-omni-flash"));

  it("is picked by the body's model and fills its own defaults", () => {
    const result = flash("text-to-video", {});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.spec).toBe(geminiOmniFlash);
    expect(result.value).toEqual({
      model: "gemini-omni-flash",
      mode: "text-to-video",
      input: { ...validInput("text-to-video"), aspect_ratio: "16:9", duration: 6, resolution: "720P" },
    });
  });

  it("answers a body without an object input with issues, not an exception (its rule needs an object)", () => {
    for (const input of [undefined, null, "x"]) {
      const result = parseCreateTaskRequest({ model: "gemini-omni-flash", mode: "text-to-video", input });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.issues[0].param).toBe("input");
    }
  });

  it.each([4, 6, 10])("accepts duration %i", (duration) => {
    expect(flash("text-to-video", { duration }).ok).toBe(true);
  });

  it("duration 4 is accepted for gemini-omni-flash and refused for nano-banana-2, each naming its allowed values", () => {
    expect(flash("image-to-video", { duration: 4 }).ok).toBe(true);
    expect(refused("image-to-video", { ...validInput("image-to-video"), duration: 4 })).toEqual([
      { param: "input.duration", message: "duration must be 6 or 10 (seconds)." },
    ]);
    expect(refused("text-to-video", { ...validInput("text-to-video"), duration: 5 }, "gemini-omni-flash")).toEqual([
      { param: "input.duration", message: "duration must be 4, 6 or 10 (seconds)." },
    ]);
  });

  it.each(modeIdsOf(geminiOmniFlash))("accepts 1080P with 16:9 in %s", (mode) => {
    const result = flash(mode, { resolution: "1080P", aspect_ratio: "16:9" });
    expect(result.ok).toBe(true);
    // 16:9 is the default: 1080P alone is valid too.
    expect(flash(mode, { resolution: "1080P" }).ok).toBe(true);
  });

  it.each(modeIdsOf(geminiOmniFlash))("refuses 1080P with 9:16 in %s, at both fields, naming both", (mode) => {
    const result = flash(mode, { resolution: "1080P", aspect_ratio: "9:16" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const message = "resolution 1080P is allowed only with aspect_ratio 16:9.";
    expect(result.issues).toEqual([
      { param: "input.resolution", message },
      { param: "input.aspect_ratio", message },
    ]);
  });

  it("accepts 720P with 9:16 and refuses resolutions it does not have", () => {
    expect(flash("text-to-video", { resolution: "720P", aspect_ratio: "9:16" }).ok).toBe(true);
    expect(flash("text-to-video", { resolution: "4K" })).toEqual({
      ok: false,
      issues: [{ param: "input.resolution", message: "resolution must be 720P or 1080P." }],
    });
  });

  it("checks the rule even when another field is invalid", () => {
    const result = flash("text-to-video", { resolution: "1080P", aspect_ratio: "9:16", duration: 7 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.param).sort()).toEqual(["input.aspect_ratio", "input.duration", "input.resolution"]);
  });
});

describe("media rules", () => {
  it.each(["http://example.com/a.png", "ftp://x/a.png", "a.png", "data:image/png;base64,AAAA", "javascript:alert(1)"])(
    "refuses image_url %s",
    (image_url) => {
      expect(refused("image-to-video", { prompt: "p", image_url })[0]).toEqual({
        param: "input.image_url",
        message: "image_url must be an https:// URL (plain http is accepted only for localhost).",
      });
    },
  );

  it("accepts loopback http (the simulator's uploads)", () => {
    expect(
      parseCreateTaskRequest(body("image-to-video", { prompt: "p", image_url: "http://localhost:3000/api/simulator/files/x.png" })).ok,
    ).toBe(true);
  });

  it("requires the image in Image-to-Video", () => {
    expect(refused("image-to-video", { prompt: "p" })[0].message).toMatch(/needs exactly 1 image/);
  });

  it("requires the video in Video Edit", () => {
    expect(refused("video-edit", { prompt: "p" })[0].message).toMatch(/needs exactly 1 source video/);
  });

  it.each([1, 3])("accepts %i reference images in R2V", (n) => {
    expect(parseCreateTaskRequest(body("r2v", { prompt: "p", reference_image_urls: Array(n).fill(IMG) })).ok).toBe(true);
  });

  it.each([
    [0, /R2V needs reference images: add 1 or 3/],
    [2, /not 2: the backend refuses two references/],
    [4, /R2V takes 1 or 3 reference images, not 4/],
  ])("refuses %i reference images and says why", (n, message) => {
    const issues = refused("r2v", { prompt: "p", reference_image_urls: Array(n).fill(IMG) });
    expect(issues).toContainEqual({ param: "input.reference_image_urls", message: expect.stringMatching(message) });
  });
});

describe("request shape", () => {
  it("refuses a body that is not an object", () => {
    for (const bad of [null, "text", 1, [1]]) {
      const result = parseCreateTaskRequest(bad);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.issues[0].param).toBe("body");
    }
  });

  it("refuses an unknown mode and lists the modes", () => {
    const result = parseCreateTaskRequest({ model: "nano-banana-2", mode: "image-to-image", input: { prompt: "p" } });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.issues[0]).toEqual({ param: "mode", message: "mode must be one of text-to-video, image-to-video, r2v or video-edit." });
  });

  it("refuses unknown top-level fields by name", () => {
    const result = parseCreateTaskRequest({ ...body("text-to-video", { prompt: "p" }), api_key: "x" });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0].param).toBe("api_key");
  });

  it("flags the seed's own minimal request (duration 5)", () => {
    const seed = {
      model: "nano-banana-2",
      mode: "text-to-video",
      input: { prompt: "A cinematic city sunrise with soft fog and moving traffic.", duration: 5 },
    };
    const result = parseCreateTaskRequest(seed);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues).toEqual([{ param: "input.duration", message: "duration must be 6 or 10 (seconds)." }]);
  });
});

describe.each([nanoBanana2, geminiOmniFlash])("the form of $id", (spec: ModelSpec) => {
  const state = (patch: Partial<FormState>): FormState => ({ ...initialFormState(spec), prompt: "hello", ...patch });
  const form = schemasFor(spec).form;

  it("validates only the current mode's fields and keeps the others", () => {
    const s = state({ mode: "text-to-video", image_url: "not a url", reference_image_urls: [IMG, IMG] });
    expect(form.safeParse(s).success).toBe(true);
    expect(form.safeParse({ ...s, mode: "image-to-video" }).success).toBe(false);
  });

  it("builds a create request with exactly the mode's fields, accepted by the server schema", () => {
    for (const mode of modeIdsOf(spec)) {
      const s = state({ mode, image_url: IMG, reference_image_urls: [IMG, IMG, IMG], video_url: VID });
      const request = toCreateRequest(spec, s);
      expect(request.model).toBe(spec.id);
      expect(Object.keys(request.input).sort()).toEqual([...fieldsOf(spec, mode)].sort());
      expect(parseCreateTaskRequest(request)).toEqual({ ok: true, value: request, spec });
    }
  });
});

describe("each form follows its own model", () => {
  const form = schemasFor(geminiOmniFlash).form;
  const state = (patch: Partial<FormState>): FormState => ({ ...initialFormState(geminiOmniFlash), prompt: "hello", ...patch });

  it("gemini-omni-flash refuses 1080P with 9:16 as you type, at both fields", () => {
    const result = form.safeParse(state({ resolution: "1080P", aspect_ratio: "9:16" }));
    expect(result.success).toBe(false);
    if (!result.success) expect(toFieldIssues(result.error).map((i) => i.param)).toEqual(["resolution", "aspect_ratio"]);
    expect(form.safeParse(state({ resolution: "1080P", aspect_ratio: "16:9" })).success).toBe(true);
  });

  it("nano-banana-2 refuses 1080P and 4 seconds, which gemini-omni-flash takes", () => {
    const nano = schemasFor(nanoBanana2).form;
    const s = { ...initialFormState(nanoBanana2), prompt: "hello" };
    expect(nano.safeParse({ ...s, resolution: "1080P" }).success).toBe(false);
    expect(nano.safeParse({ ...s, duration: 4 }).success).toBe(false);
    expect(form.safeParse({ ...initialFormState(geminiOmniFlash), prompt: "hello", duration: 4 }).success).toBe(true);
  });
});
