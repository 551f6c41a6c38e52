import { describe, expect, it } from "vitest";
import { validationSay } from "@/lib/i18n";
import { geminiOmniFlash } from "@/lib/models/gemini-omni-flash";
import { getModel } from "@/lib/models/registry";
import { embedQuery, parseEmbedPreset } from "./preset";

const nanoBanana2 = getModel("nano-banana-2");

describe("embed preset", () => {
  it("takes valid values", () => {
    const p = parseEmbedPreset(
      nanoBanana2,
      new URLSearchParams("mode=r2v&prompt=A+turntable&duration=10&aspect_ratio=9:16&theme=dark&panels=form"),
    );
    expect(p.values).toEqual({ mode: "r2v", prompt: "A turntable", duration: 10, aspect_ratio: "9:16" });
    expect(p.theme).toBe("dark");
    expect(p.panels).toEqual({ form: true, output: false });
    expect(p.notes).toEqual([]);
  });

  it("ignores invalid values with a note that names the parameter and the allowed values", () => {
    const p = parseEmbedPreset(nanoBanana2, {
      mode: "t2v",
      duration: "5",
      aspect_ratio: "4:3",
      theme: "pink",
      panels: "form,sidebar",
      prompt: "x".repeat(2001),
    });
    // The prompt is kept for the reader to shorten; the other invalid values are dropped.
    expect(p.values).toEqual({ prompt: "x".repeat(2001) });
    expect(p.notes.filter((n) => n.kept).map((n) => n.param)).toEqual(["prompt"]);
    expect(p.theme).toBeNull();
    expect(p.panels).toEqual({ form: true, output: false });
    expect(Object.fromEntries(p.notes.map((n) => [n.param, n.message]))).toEqual({
      mode: "mode must be one of text-to-video, image-to-video, r2v or video-edit.",
      prompt: "prompt is 2001 characters; the limit is 2000 characters.",
      duration: "duration must be 6 or 10 (seconds).",
      aspect_ratio: "aspect_ratio must be 16:9 or 9:16.",
      theme: "theme must be system, light, dark.",
      panels: "panels must be a comma-separated list of form, output.",
    });
    expect(parseEmbedPreset(nanoBanana2, { duration: "6.0" }).notes[0].param).toBe("duration");
  });

  it("round-trips a configuration through the embed URL", () => {
    const config = {
      values: { mode: "image-to-video" as const, prompt: " Waves & wind ", duration: 10 as const, aspect_ratio: "16:9" as const },
      theme: "light" as const,
      panels: { form: true, output: true },
    };
    const query = embedQuery(nanoBanana2, config);
    expect(query).toBe("mode=image-to-video&prompt=Waves+%26+wind&duration=10&aspect_ratio=16%3A9&theme=light");
    const back = parseEmbedPreset(nanoBanana2, new URLSearchParams(query));
    expect(back).toEqual({ values: { ...config.values, prompt: "Waves & wind" }, theme: "light", panels: config.panels, notes: [] });
    expect(
      embedQuery(nanoBanana2, { values: { mode: "video-edit", duration: 6 }, theme: "system", panels: { form: false, output: true } }),
    ).toBe("mode=video-edit&panels=output");
  });

  it("checks each value by the embedded model's own rules", () => {
    const query = new URLSearchParams("duration=4&resolution=1080P");
    expect(parseEmbedPreset(geminiOmniFlash, query)).toMatchObject({ values: { duration: 4, resolution: "1080P" }, notes: [] });
    expect(Object.fromEntries(parseEmbedPreset(nanoBanana2, query).notes.map((n) => [n.param, n.message]))).toEqual({
      duration: "duration must be 6 or 10 (seconds).",
      resolution: "resolution must be 720P.",
    });
    expect(parseEmbedPreset(geminiOmniFlash, { duration: "5" }).notes).toEqual([
      { param: "duration", value: "5", message: "duration must be 4, 6 or 10 (seconds)." },
    ]);
  });

  it("keeps values that are allowed each but not together, and says which rule they break", () => {
    const preset = parseEmbedPreset(geminiOmniFlash, { resolution: "1080P", aspect_ratio: "9:16" });
    expect(preset.values).toEqual({ resolution: "1080P", aspect_ratio: "9:16" });
    expect(preset.notes).toEqual([
      { param: "resolution,aspect_ratio", value: "1080P,9:16", message: "resolution 1080P is allowed only with aspect_ratio 16:9." },
    ]);
  });
});

describe("the embed's language", () => {
  it("the code carries lang=ru for a Russian embed, nothing for English (the default)", () => {
    const base = { values: { mode: "r2v" as const }, theme: "system" as const, panels: { form: true, output: true } };
    expect(new URLSearchParams(embedQuery(nanoBanana2, { ...base, lang: "ru" })).get("lang")).toBe("ru");
    expect(new URLSearchParams(embedQuery(nanoBanana2, { ...base, lang: "en" })).has("lang")).toBe(false);
  });

  it("preset notes come in the page's language", () => {
    const say = validationSay("ru");
    const { notes } = parseEmbedPreset(nanoBanana2, { duration: "5", theme: "sepia" }, say);
    expect(notes.map((n) => n.message).join(" ")).toMatch(/должно быть/);
  });
});
