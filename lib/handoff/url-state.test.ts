import { describe, expect, it } from "vitest";
import { MESSAGES } from "@/lib/spec/nano-banana-2";
import { INITIAL_FORM_STATE, toCreateRequest, type FormState } from "@/lib/spec/schema";
import { HOSTILE_PROMPTS } from "./hostile";
import { formStateFromSearchParams, formStateToSearchParams } from "./url-state";

describe("form state in the URL", () => {
  it("round-trips every mode's request through a link, hostile prompts included", () => {
    const states: FormState[] = [
      { ...INITIAL_FORM_STATE, prompt: HOSTILE_PROMPTS[6], duration: 10 },
      { ...INITIAL_FORM_STATE, mode: "image-to-video", prompt: HOSTILE_PROMPTS[4], aspect_ratio: "9:16", image_url: "https://cdn.example/a b.png?x=1&y=2" },
      { ...INITIAL_FORM_STATE, mode: "r2v", prompt: HOSTILE_PROMPTS[5], reference_image_urls: ["https://a.example/1.jpg", "http://127.0.0.1:3000/api/simulator/files/up_1.jpg", "https://a.example/3.jpg"] },
      { ...INITIAL_FORM_STATE, mode: "video-edit", prompt: HOSTILE_PROMPTS[2], video_url: "https://v.example/src.mp4" },
    ];
    for (const state of states) {
      const link = new URL(`https://playground.example/?${formStateToSearchParams(state)}`);
      const back = formStateFromSearchParams(link.searchParams);
      expect(back.issues).toEqual([]);
      expect(toCreateRequest(back.state)).toEqual(toCreateRequest(state));
    }
  });

  it("carries only the current mode's fields, never media contents nor credentials", () => {
    const params = formStateToSearchParams({
      ...INITIAL_FORM_STATE,
      mode: "image-to-video",
      prompt: "x",
      image_url: "data:image/png;base64,iVBORw0KGgo=",
      video_url: "https://v.example/other-mode.mp4",
    });
    expect([...params.keys()]).toEqual(["mode", "prompt", "aspect_ratio", "duration", "resolution"]);
    expect(formStateToSearchParams({ ...INITIAL_FORM_STATE, mode: "video-edit", prompt: "x", video_url: "https://user:pw@v.example/a.mp4" }).has("video_url")).toBe(false);
  });

  it("no params is the initial form; a partial link keeps the rest initial", () => {
    expect(formStateFromSearchParams(new URLSearchParams())).toEqual({ state: INITIAL_FORM_STATE, issues: [] });
    expect(formStateFromSearchParams({ mode: "r2v" })).toEqual({ state: { ...INITIAL_FORM_STATE, mode: "r2v" }, issues: [] });
  });

  it("names the values of a link that do not fit, and keeps the ones that do", () => {
    const { state, issues } = formStateFromSearchParams({ mode: "text-to-video", prompt: "Fog", duration: "5", aspect_ratio: "4:3", utm_source: "mail" });
    expect(state).toEqual({ ...INITIAL_FORM_STATE, prompt: "Fog" });
    expect(issues).toEqual([
      { param: "aspect_ratio", message: MESSAGES.aspectRatio },
      { param: "duration", message: MESSAGES.duration },
    ]);
    expect(formStateFromSearchParams({ mode: "sora" }).issues).toEqual([{ param: "mode", message: MESSAGES.mode }]);
  });
});
