import { describe, expect, it } from "vitest";
import { geminiOmniFlash } from "@/lib/models/gemini-omni-flash";
import { nanoBanana2 } from "@/lib/models/nano-banana-2";
import { MODELS } from "@/lib/models/registry";
import { type FormState, initialFormState } from "@/lib/spec/form-state";
import { parseCreateTaskRequest } from "@/lib/spec/schema";
import { costOf, MAX_VARIANT_TASKS, planVariants } from "./variants";

const base: FormState = { ...initialFormState(nanoBanana2), prompt: "A lighthouse at dawn" };

describe("planVariants", () => {
  it("two aspect ratios: two tasks, each a request the server accepts, 12 s of video", () => {
    const plan = planVariants(base, nanoBanana2, MODELS, { aspect_ratio: ["16:9", "9:16"] });
    expect(plan.tasks.map((t) => t.request.input.aspect_ratio)).toEqual(["16:9", "9:16"]);
    for (const t of plan.tasks) expect(parseCreateTaskRequest(t.request).ok).toBe(true);
    expect(plan.leftOut).toEqual([]);
    expect(plan.seconds).toBe(12);
  });

  it("a duration the model does not allow is left out and said so, never planned", () => {
    const plan = planVariants(base, nanoBanana2, MODELS, { models: ["nano-banana-2", "gemini-omni-flash"], duration: [4, 6] });
    expect(plan.tasks.map((t) => `${t.request.model} ${t.request.input.duration}`)).toEqual([
      "nano-banana-2 6",
      "gemini-omni-flash 4",
      "gemini-omni-flash 6",
    ]);
    expect(plan.leftOut).toEqual([
      expect.objectContaining({ kind: "not-allowed", field: "duration", allowed: "6, 10", key: expect.objectContaining({ duration: 4 }) }),
    ]);
  });

  it("a cross-field rule (1080P only with 16:9) leaves the variant out with the rule's words", () => {
    const flash: FormState = { ...initialFormState(geminiOmniFlash), prompt: "x", resolution: "1080P" };
    const plan = planVariants(flash, geminiOmniFlash, MODELS, { aspect_ratio: ["16:9", "9:16"] });
    expect(plan.tasks).toHaveLength(1);
    expect(plan.leftOut).toEqual([expect.objectContaining({ kind: "rule", rule: expect.stringContaining("1080P") })]);
  });

  it("Video Edit sends no duration: durations collapse to one task there, the rest is said", () => {
    const withVideo = { ...base, video_url: "https://cdn.example/source.mp4" };
    const plan = planVariants(withVideo, nanoBanana2, MODELS, { modes: ["text-to-video", "video-edit"], duration: [6, 10] });
    expect(plan.tasks.map((t) => `${t.request.mode} ${t.request.input.duration ?? "-"}`)).toEqual([
      "text-to-video 6",
      "text-to-video 10",
      "video-edit -",
    ]);
    expect(plan.leftOut).toEqual([expect.objectContaining({ kind: "field-not-sent", field: "duration", same: 6 })]);
    expect(plan.seconds).toBe(16);
    expect(plan.editTasks).toBe(1);
  });

  it("a mode the upstream cannot do, or one missing its media, is left out with the reason", () => {
    const plan = planVariants(
      base,
      nanoBanana2,
      MODELS,
      { modes: ["text-to-video", "image-to-video", "video-edit"] },
      {
        "video-edit": "Video Edit is not available on the configured upstream.",
      },
    );
    expect(plan.tasks.map((t) => t.request.mode)).toEqual(["text-to-video"]);
    expect(plan.leftOut).toEqual([
      expect.objectContaining({ kind: "invalid", param: "input.image_url" }),
      expect.objectContaining({ kind: "unavailable", reason: expect.stringContaining("not available") }),
    ]);
  });

  it("prompt variants: empty ones are ignored; more combinations than the comparison holds are left out", () => {
    const plan = planVariants(base, nanoBanana2, MODELS, { prompts: ["one", " ", "two", "three"], aspect_ratio: ["16:9", "9:16"] });
    expect(plan.tasks).toHaveLength(MAX_VARIANT_TASKS);
    expect(plan.leftOut.map((l) => l.kind)).toEqual(["too-many", "too-many"]);
    expect(plan.tasks.map((t) => t.request.input.prompt)).toEqual(["one", "two", "three", "one"]);
  });
});

describe("planVariants, what is said", () => {
  it("the same prompt twice (spaces aside) is one variant, not a second task nor a left-out line", () => {
    const plan = planVariants(base, nanoBanana2, MODELS, { prompts: ["same words", "same words "] });
    expect(plan.tasks).toHaveLength(1);
    expect(plan.leftOut).toEqual([]);
  });

  it("refusals are said in the page's language (the `say` given), the rule's words too", () => {
    const say = (key: string) => `«${key}»`;
    const noImage = planVariants(base, nanoBanana2, MODELS, { modes: ["image-to-video"] }, {}, say);
    expect(noImage.leftOut).toEqual([expect.objectContaining({ kind: "invalid", message: "«imageRequired»" })]);
    const flash: FormState = { ...initialFormState(geminiOmniFlash), prompt: "x", resolution: "1080P" };
    const rule = planVariants(flash, geminiOmniFlash, MODELS, { aspect_ratio: ["9:16"] }, {}, say);
    expect(rule.leftOut).toEqual([expect.objectContaining({ kind: "rule", rule: "«rule»" })]);
  });
});

describe("costOf", () => {
  it("is absent without a price, and seconds × price with one", () => {
    expect(costOf(12, undefined)).toBeUndefined();
    expect(costOf(12, { perSecond: 0.05, currency: "USD" })).toEqual({ amount: 0.6, currency: "USD" });
  });
});
