import { describe, expect, it } from "vitest";
import { geminiOmniFlash } from "@/lib/models/gemini-omni-flash";
import { getModel } from "@/lib/models/registry";
import { FIELD_TYPES, IMAGE_LIMITS, PROMPT_MAX_CHARS, VIDEO_LIMITS } from "@/lib/spec/contract";
import { fieldsOf } from "@/lib/spec/model-spec";
import { paramRows } from "./param-rows";

const nanoBanana2 = getModel("nano-banana-2");
/** Media fields are required in their mode; the scalar fields have the spec's defaults. */
const REQUIRED = new Set(["prompt", "image_url", "reference_image_urls", "video_url"]);

describe("parameter rows", () => {
  it("have model, mode and exactly the mode's fields, with the spec's required flags and defaults", () => {
    for (const { id: mode } of nanoBanana2.modes) {
      const rows = paramRows(nanoBanana2, mode);
      expect(rows.map((r) => r.path)).toEqual(["model", "mode", ...fieldsOf(nanoBanana2, mode).map((f) => `input.${f}`)]);
      expect(rows[0].allowed).toEqual({ kind: "values", values: ["nano-banana-2"] });
      expect(rows[1].allowed).toEqual({ kind: "values", values: [mode] });
      for (const row of rows.slice(2)) {
        const field = row.field as keyof typeof FIELD_TYPES;
        expect(row.required, row.path).toBe(REQUIRED.has(field));
        const defaults: Record<string, string | number> = nanoBanana2.defaults;
        expect(row.default, row.path).toBe(defaults[field] ?? null);
        expect(row.type).toBe(FIELD_TYPES[field]);
        expect(row.rules, row.path).toEqual([]);
      }
    }
  });

  it("read the allowed values the server enforces", () => {
    const t2v = Object.fromEntries(paramRows(nanoBanana2, "text-to-video").map((r) => [r.path, r.allowed]));
    expect(t2v["input.duration"]).toEqual({ kind: "values", values: [6, 10], unit: "seconds" });
    expect(t2v["input.prompt"]).toEqual({ kind: "length", min: 1, max: PROMPT_MAX_CHARS });
    expect(t2v["input.aspect_ratio"]).toMatchObject({ values: [nanoBanana2.defaults.aspect_ratio, "9:16"] });
    expect(t2v["input.resolution"]).toEqual({ kind: "values", values: ["720P"] });
    const r2v = paramRows(nanoBanana2, "r2v").find((r) => r.field === "reference_image_urls")!;
    expect(r2v.allowed).toEqual({ kind: "media", counts: [1, 3], mimeTypes: [...IMAGE_LIMITS.mimeTypes], maxBytes: IMAGE_LIMITS.maxBytes });
    const edit = paramRows(nanoBanana2, "video-edit").find((r) => r.field === "video_url")!;
    expect(edit.allowed).toMatchObject({ counts: [1], mimeTypes: [...VIDEO_LIMITS.mimeTypes] });
  });

  it("of gemini-omni-flash show its own values and carry the 1080P rule on both fields it ties", () => {
    const rows = Object.fromEntries(paramRows(geminiOmniFlash, "text-to-video").map((r) => [r.path, r]));
    expect(rows.model.allowed).toEqual({ kind: "values", values: ["gemini-omni-flash"] });
    expect(rows["input.duration"].allowed).toEqual({ kind: "values", values: [4, 6, 10], unit: "seconds" });
    expect(rows["input.resolution"].allowed).toEqual({ kind: "values", values: ["720P", "1080P"] });
    const rule = { when: { field: "resolution", values: ["1080P"] }, allow: { field: "aspect_ratio", values: ["16:9"] } };
    expect(rows["input.resolution"].rules).toEqual([rule]);
    expect(rows["input.aspect_ratio"].rules).toEqual([rule]);
    for (const path of ["input.prompt", "input.duration"]) expect(rows[path].rules, path).toEqual([]);
    for (const { id: mode } of geminiOmniFlash.modes) {
      expect(paramRows(geminiOmniFlash, mode).find((r) => r.field === "resolution")!.rules, mode).toEqual([rule]);
    }
  });
});
