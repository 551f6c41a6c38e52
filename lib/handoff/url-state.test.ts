import { describe, expect, it } from "vitest";
import { geminiOmniFlash } from "@/lib/models/gemini-omni-flash";
import { getModel } from "@/lib/models/registry";
import { specMessages } from "@/lib/spec/model-spec";
import { type FormState, initialFormState, toCreateRequest } from "@/lib/spec/schema";
import { HOSTILE_PROMPTS } from "./hostile";
import { formStateFromSearchParams, formStateToSearchParams } from "./url-state";

const nanoBanana2 = getModel("nano-banana-2");
const MESSAGES = specMessages(nanoBanana2);
const INITIAL_FORM_STATE = initialFormState(nanoBanana2);

describe("form state in the URL", () => {
  it("round-trips every mode's request through a link, hostile prompts included", () => {
    const states: FormState[] = [
      { ...INITIAL_FORM_STATE, prompt: HOSTILE_PROMPTS[6], duration: 10 },
      {
        ...INITIAL_FORM_STATE,
        mode: "image-to-video",
        prompt: HOSTILE_PROMPTS[4],
        aspect_ratio: "9:16",
        image_url: "https://cdn.example/a b.png?x=1&y=2",
      },
      {
        ...INITIAL_FORM_STATE,
        mode: "r2v",
        prompt: HOSTILE_PROMPTS[5],
        reference_image_urls: ["https://a.example/1.jpg", "http://127.0.0.1:3000/api/simulator/files/up_1.jpg", "https://a.example/3.jpg"],
      },
      { ...INITIAL_FORM_STATE, mode: "video-edit", prompt: HOSTILE_PROMPTS[2], video_url: "https://v.example/src.mp4" },
    ];
    for (const state of states) {
      const link = new URL(`https://playground.example/?${formStateToSearchParams(nanoBanana2, state)}`);
      const back = formStateFromSearchParams(nanoBanana2, link.searchParams);
      expect(back.issues).toEqual([]);
      expect(toCreateRequest(nanoBanana2, back.state)).toEqual(toCreateRequest(nanoBanana2, state));
    }
  });

  it("carries only the current mode's fields, never media contents nor credentials", () => {
    const params = formStateToSearchParams(nanoBanana2, {
      ...INITIAL_FORM_STATE,
      mode: "image-to-video",
      prompt: "x",
      image_url: "data:image/png;base64,iVBORw0KGgo=",
      video_url: "https://v.example/other-mode.mp4",
    });
    expect([...params.keys()]).toEqual(["mode", "prompt", "aspect_ratio", "duration", "resolution"]);
    expect(
      formStateToSearchParams(nanoBanana2, {
        ...INITIAL_FORM_STATE,
        mode: "video-edit",
        prompt: "x",
        video_url: "https://user:pw@v.example/a.mp4",
      }).has("video_url"),
    ).toBe(false);
  });

  it("no params is the initial form; a partial link keeps the rest initial", () => {
    expect(formStateFromSearchParams(nanoBanana2, new URLSearchParams())).toEqual({ state: INITIAL_FORM_STATE, issues: [] });
    expect(formStateFromSearchParams(nanoBanana2, { mode: "r2v" })).toEqual({ state: { ...INITIAL_FORM_STATE, mode: "r2v" }, issues: [] });
  });

  it("names the values of a link that do not fit, and keeps the ones that do", () => {
    const { state, issues } = formStateFromSearchParams(nanoBanana2, {
      mode: "text-to-video",
      prompt: "Fog",
      duration: "5",
      aspect_ratio: "4:3",
      utm_source: "mail",
    });
    expect(state).toEqual({ ...INITIAL_FORM_STATE, prompt: "Fog" });
    expect(issues).toEqual([
      { param: "aspect_ratio", message: MESSAGES.aspectRatio },
      { param: "duration", message: MESSAGES.duration },
    ]);
    expect(formStateFromSearchParams(nanoBanana2, { mode: "sora" }).issues).toEqual([{ param: "mode", message: MESSAGES.mode }]);
  });

  it("reads a link by the rules of the model whose page it opens", () => {
    const state: FormState = { ...initialFormState(geminiOmniFlash), prompt: "Dunes", duration: 4, resolution: "1080P" };
    const params = formStateToSearchParams(geminiOmniFlash, state);
    expect(params.get("duration")).toBe("4");
    expect(formStateFromSearchParams(geminiOmniFlash, params)).toEqual({ state, issues: [] });
    const onNano = formStateFromSearchParams(nanoBanana2, params);
    expect(onNano.state).toEqual({ ...INITIAL_FORM_STATE, prompt: "Dunes" });
    expect(onNano.issues).toEqual([
      { param: "duration", message: MESSAGES.duration },
      { param: "resolution", message: MESSAGES.resolution },
    ]);
  });
});
