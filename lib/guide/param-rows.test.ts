import { describe, expect, it } from "vitest";
import { DEFAULTS, DURATIONS, FIELDS, IMAGE_LIMITS, MODEL_ID, MODES, PROMPT_MAX_CHARS, REFERENCE_COUNTS, VIDEO_LIMITS, fieldsOf } from "@/lib/spec/nano-banana-2";
import { paramRows } from "./param-rows";

describe("parameter rows", () => {
  it("have model, mode and exactly the mode's fields, with the spec's required flags and defaults", () => {
    for (const mode of MODES) {
      const rows = paramRows(mode.id);
      expect(rows.map((r) => r.path)).toEqual(["model", "mode", ...fieldsOf(mode.id).map((f) => `input.${f}`)]);
      expect(rows[0].allowed).toEqual({ kind: "values", values: [MODEL_ID] });
      expect(rows[1].allowed).toEqual({ kind: "values", values: [mode.id] });
      for (const row of rows.slice(2)) {
        const f = FIELDS[row.field as keyof typeof FIELDS];
        expect(row.required, row.path).toBe(f.required);
        expect(row.default, row.path).toBe(f.default);
        expect(row.type).toBe(f.type);
      }
    }
  });

  it("read the allowed values the server enforces", () => {
    const t2v = Object.fromEntries(paramRows("text-to-video").map((r) => [r.path, r.allowed]));
    expect(t2v["input.duration"]).toEqual({ kind: "values", values: [...DURATIONS], unit: "seconds" });
    expect(t2v["input.prompt"]).toEqual({ kind: "length", min: 1, max: PROMPT_MAX_CHARS });
    expect(t2v["input.aspect_ratio"]).toMatchObject({ values: [DEFAULTS.aspect_ratio, "9:16"] });
    const r2v = paramRows("r2v").find((r) => r.field === "reference_image_urls")!;
    expect(r2v.allowed).toEqual({ kind: "media", counts: [...REFERENCE_COUNTS], mimeTypes: [...IMAGE_LIMITS.mimeTypes], maxBytes: IMAGE_LIMITS.maxBytes });
    const edit = paramRows("video-edit").find((r) => r.field === "video_url")!;
    expect(edit.allowed).toMatchObject({ counts: [1], mimeTypes: [...VIDEO_LIMITS.mimeTypes] });
  });
});
