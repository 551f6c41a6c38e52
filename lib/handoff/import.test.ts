import { describe, expect, it } from "vitest";
import { geminiOmniFlash } from "@/lib/models/gemini-omni-flash";
import { getModel } from "@/lib/models/registry";
import { CONTRACT_MESSAGES } from "@/lib/spec/contract";
import { referencesCountMessage, specMessages } from "@/lib/spec/model-spec";
import { type FormState, initialFormState, toCreateRequest } from "@/lib/spec/schema";
import { toCurl } from "./curl";
import { HOSTILE_PROMPTS } from "./hostile";
import { importRequest, importText, parseCurl } from "./import";

const nanoBanana2 = getModel("nano-banana-2");
const MESSAGES = specMessages(nanoBanana2);
const INITIAL_FORM_STATE = initialFormState(nanoBanana2);
const target = {
  baseUrl: "https://api.example.com",
  model: "nano-banana-2",
  referenceCounts: nanoBanana2.referenceCounts,
  simulated: false,
};
const params = (r: { issues: { param: string }[] }) => r.issues.map((i) => i.param);

describe("import: valid input", () => {
  it("lists as filled only the fields the request carried, not those that took their default", () => {
    const curl = `curl -X POST https://api.example.com/v1/tasks -H 'Content-Type: application/json' -d '{"model":"nano-banana-2","mode":"text-to-video","input":{"prompt":"A kite","aspect_ratio":"9:16"}}'`;
    const r = importText(nanoBanana2, curl);
    expect(r.source).toBe("curl");
    expect(r.issues).toEqual([]);
    expect(r.filled).toEqual(["prompt", "aspect_ratio"]);
    // The form still gets the defaults of what was left out, as the API would apply them.
    expect(r.values).toMatchObject({ resolution: nanoBanana2.defaults.resolution, duration: nanoBanana2.defaults.duration });
    // A value the form cannot hold is not filled; text the form keeps to fix is.
    const bad = importText(
      nanoBanana2,
      JSON.stringify({ model: "nano-banana-2", mode: "text-to-video", input: { prompt: "", duration: 5, resolution: "720P" } }),
    );
    expect(bad.filled).toEqual(["prompt", "resolution"]);
    expect(importText(nanoBanana2, "curl https://api.example.com/v1/tasks").filled).toEqual([]);
  });

  it("reads a full request JSON into every field of its mode", () => {
    const r = importText(
      nanoBanana2,
      JSON.stringify({
        model: "nano-banana-2",
        mode: "r2v",
        input: {
          prompt: "A turntable",
          aspect_ratio: "9:16",
          duration: 10,
          resolution: "720P",
          reference_image_urls: ["https://a.example/1.jpg"],
        },
      }),
    );
    expect(r.issues).toEqual([]);
    expect(r.source).toBe("json");
    expect(r.values).toEqual({
      mode: "r2v",
      prompt: "A turntable",
      aspect_ratio: "9:16",
      duration: 10,
      resolution: "720P",
      reference_image_urls: ["https://a.example/1.jpg"],
    });
  });

  it("fills optional fields the request leaves out with the spec's defaults", () => {
    const r = importText(nanoBanana2, '{"model":"nano-banana-2","mode":"text-to-video","input":{"prompt":"Fog"}}');
    expect(r.issues).toEqual([]);
    expect(r.values).toMatchObject({ mode: "text-to-video", prompt: "Fog", ...nanoBanana2.defaults });
  });

  it("reads back every exported curl command exactly, hostile prompts included", () => {
    for (const prompt of HOSTILE_PROMPTS) {
      const state: FormState = {
        ...INITIAL_FORM_STATE,
        mode: "image-to-video",
        prompt,
        aspect_ratio: "9:16",
        image_url: "https://cdn.example/it's.png",
      };
      const r = importText(nanoBanana2, toCurl(toCreateRequest(nanoBanana2, state), target));
      expect(r.source).toBe("curl");
      expect(r.issues).toEqual([]);
      expect(toCreateRequest(nanoBanana2, { ...INITIAL_FORM_STATE, ...r.values })).toEqual(toCreateRequest(nanoBanana2, state));
    }
  });

  it("reads back the curl exported in the gateway's dialect (flat body at /v1/videos/generations), every mode", () => {
    const gateway = { ...target, model: "gemini_omni", dialect: "generation-task" as const };
    const states: FormState[] = [
      { ...INITIAL_FORM_STATE, mode: "text-to-video", prompt: HOSTILE_PROMPTS[0], duration: 10 },
      {
        ...INITIAL_FORM_STATE,
        mode: "image-to-video",
        prompt: HOSTILE_PROMPTS[3],
        aspect_ratio: "9:16",
        image_url: "https://cdn.example/it's.png",
      },
      {
        ...INITIAL_FORM_STATE,
        mode: "r2v",
        prompt: HOSTILE_PROMPTS[5],
        reference_image_urls: ["https://a.example/1.jpg", "https://a.example/2.jpg", "https://a.example/3.jpg"],
      },
      { ...INITIAL_FORM_STATE, mode: "video-edit", prompt: HOSTILE_PROMPTS[6], video_url: "https://a.example/v.mp4" },
    ];
    for (const state of states) {
      const curl = toCurl(toCreateRequest(nanoBanana2, state), gateway);
      expect(curl).toContain("/v1/videos/generations");
      const r = importText(nanoBanana2, curl, { upstreamModel: "gemini_omni" });
      expect(r.issues).toEqual([]);
      expect(toCreateRequest(nanoBanana2, { ...INITIAL_FORM_STATE, ...r.values })).toEqual(toCreateRequest(nanoBanana2, state));
    }
    // Two images: the gateway refuses them, and so does the form, with the spec's words.
    const two = importText(nanoBanana2, JSON.stringify({ model: "gemini_omni", prompt: "x", image_urls: ["https://a/1", "https://a/2"] }), {
      upstreamModel: "gemini_omni",
    });
    expect(two.values.mode).toBe("r2v");
    expect(two.issues.map((i) => i.message).join(" ")).toMatch(/1 or 3 reference images, not 2/);
  });

  it("accepts the upstream's own model id when told it", () => {
    const body = { model: "gemini_omni", mode: "text-to-video", input: { prompt: "x" } };
    expect(params(importRequest(nanoBanana2, body))).toEqual(["model"]);
    expect(importRequest(nanoBanana2, body, { upstreamModel: "gemini_omni" }).issues).toEqual([]);
  });

  it("reads a browser's 'copy as cURL' with $'…' quoting, continuations and a pipe", () => {
    const text = `curl 'https://api.example.com/v1/tasks' \\\n  -H 'content-type: application/json' \\\n  --data-raw $'{"model":"nano-banana-2","mode":"text-to-video","input":{"prompt":"it\\'s \\u00e9t\\u00e9"}}' | jq .`;
    const r = importText(nanoBanana2, text);
    expect(r.issues).toEqual([]);
    expect(r.values.prompt).toBe("it's été");
  });
});

describe("import: per model", () => {
  const body = JSON.stringify({
    model: "gemini-omni-flash",
    mode: "text-to-video",
    input: { prompt: "Dunes", duration: 4, resolution: "1080P" },
  });

  it("reads a gemini-omni-flash request into its playground with its own values", () => {
    const r = importText(geminiOmniFlash, body);
    expect(r.issues).toEqual([]);
    expect(r.values).toEqual({ mode: "text-to-video", prompt: "Dunes", aspect_ratio: "16:9", duration: 4, resolution: "1080P" });
  });

  it("names the rule a pasted gemini-omni-flash request breaks (1080P with 9:16), at both fields", () => {
    const r = importText(
      geminiOmniFlash,
      JSON.stringify({
        model: "gemini-omni-flash",
        mode: "text-to-video",
        input: { prompt: "Dunes", aspect_ratio: "9:16", resolution: "1080P" },
      }),
    );
    const rule = "resolution 1080P is allowed only with aspect_ratio 16:9.";
    expect(r.issues).toEqual([
      { param: "input.resolution", message: rule },
      { param: "input.aspect_ratio", message: rule },
    ]);
    expect(r.values).toMatchObject({ aspect_ratio: "9:16", resolution: "1080P" });
  });

  it("names what nano-banana-2 does not take when the same request is pasted into its playground", () => {
    const r = importText(nanoBanana2, body);
    expect(r.issues).toEqual([
      { param: "model", message: MESSAGES.model },
      { param: "input.duration", message: MESSAGES.duration },
      { param: "input.resolution", message: MESSAGES.resolution },
    ]);
    expect(r.values).toEqual({ mode: "text-to-video", prompt: "Dunes", aspect_ratio: "16:9" });
  });

  it("reads back gemini-omni-flash's curl in the gateway's dialect, with its upstream id", () => {
    const state: FormState = {
      ...initialFormState(geminiOmniFlash),
      mode: "text-to-video",
      prompt: HOSTILE_PROMPTS[2],
      duration: 4,
      resolution: "1080P",
    };
    const gateway = {
      ...target,
      model: "gemini_omni_flash",
      referenceCounts: geminiOmniFlash.referenceCounts,
      dialect: "generation-task" as const,
    };
    const r = importText(geminiOmniFlash, toCurl(toCreateRequest(geminiOmniFlash, state), gateway), { upstreamModel: "gemini_omni_flash" });
    expect(r.issues).toEqual([]);
    expect(toCreateRequest(geminiOmniFlash, { ...initialFormState(geminiOmniFlash), ...r.values })).toEqual(
      toCreateRequest(geminiOmniFlash, state),
    );
  });
});

describe("import: invalid input", () => {
  it("says so when the text is neither JSON nor curl", () => {
    const r = importText(nanoBanana2, "make me a video");
    expect(r.values).toEqual({});
    expect(r.issues[0].message).toMatch(/not valid JSON/);
  });

  it("refuses a body that is not an object with the contract's shape message", () => {
    expect(importText(nanoBanana2, "[1,2]").issues).toEqual([{ param: "body", message: CONTRACT_MESSAGES.body }]);
  });

  it("names a curl without a body, and one whose body comes from a file", () => {
    expect(
      importText(nanoBanana2, "curl https://api.example.com/v1/tasks/task_1")
        .issues.map((i) => i.message)
        .join(" "),
    ).toMatch(/no JSON body/);
    expect(importText(nanoBanana2, "curl -d @req.json https://api.example.com/v1/tasks").issues[0].message).toMatch(
      /read from the file req.json/,
    );
  });

  it("lists every invalid field with the allowed values and keeps none of the bad enum values", () => {
    const r = importText(
      nanoBanana2,
      JSON.stringify({
        model: "sora",
        mode: "text-to-video",
        input: { prompt: "", aspect_ratio: "4:3", duration: 7, resolution: "1080P" },
      }),
    );
    expect(r.issues).toEqual(
      expect.arrayContaining([
        { param: "model", message: MESSAGES.model },
        { param: "input.prompt", message: MESSAGES.promptRequired },
        { param: "input.aspect_ratio", message: MESSAGES.aspectRatio },
        { param: "input.duration", message: MESSAGES.duration },
        { param: "input.resolution", message: MESSAGES.resolution },
      ]),
    );
    expect(r.values).not.toHaveProperty("duration");
    expect(r.values).not.toHaveProperty("aspect_ratio");
  });
});

describe("import: partly valid input", () => {
  it("takes the seed's minimal request: the prompt is kept, duration 5 is named with 6 or 10", () => {
    const seed = `{
  "model": "nano-banana-2",
  "mode": "text-to-video",
  "input": {
    "prompt": "A cinematic city sunrise with soft fog and moving traffic.",
    "duration": 5
  }
}`;
    const r = importText(nanoBanana2, seed);
    expect(r.values).toMatchObject({
      mode: "text-to-video",
      prompt: "A cinematic city sunrise with soft fog and moving traffic.",
      aspect_ratio: "16:9",
      resolution: "720P",
    });
    expect(r.values).not.toHaveProperty("duration");
    expect(r.issues).toEqual([{ param: "input.duration", message: MESSAGES.duration }]);
    expect(MESSAGES.duration).toMatch(/6 or 10/);
  });

  it("keeps valid fields next to unknown ones, fields of another mode and a wrong reference count", () => {
    const r = importText(
      nanoBanana2,
      JSON.stringify({
        model: "nano-banana-2",
        mode: "r2v",
        seed: 42,
        input: {
          prompt: "Two refs",
          duration: 10,
          video_url: "https://v.example/a.mp4",
          reference_image_urls: ["https://a.example/1.jpg", "https://a.example/2.jpg"],
          negative: "blur",
        },
      }),
    );
    expect(r.values).toMatchObject({
      mode: "r2v",
      prompt: "Two refs",
      duration: 10,
      reference_image_urls: ["https://a.example/1.jpg", "https://a.example/2.jpg"],
    });
    // A valid value of another mode's field is kept in the form (not sent in this mode) and still listed.
    expect(r.values.video_url).toBe("https://v.example/a.mp4");
    const messages = r.issues.map((i) => i.message).join("\n");
    expect(messages).toContain(referencesCountMessage(nanoBanana2, 2));
    expect(messages).toMatch(/seed: unknown top-level field/);
    expect(messages).toMatch(/video_url, negative: not a field of R2V|negative, video_url: not a field of R2V/);
  });

  it("reads fields sent without `input` and a missing mode, and reports both", () => {
    const r = importText(
      nanoBanana2,
      '{"model":"nano-banana-2","prompt":"Waves","image_url":"https://a.example/f.png","aspect_ratio":"9:16"}',
    );
    expect(r.values).toMatchObject({ mode: "image-to-video", prompt: "Waves", image_url: "https://a.example/f.png", aspect_ratio: "9:16" });
    expect(params(r)).toEqual(expect.arrayContaining(["mode", "input"]));
  });

  it("keeps a media URL the schema refuses in the form, where its error shows, and lists it", () => {
    const r = importText(
      nanoBanana2,
      '{"model":"nano-banana-2","mode":"video-edit","input":{"prompt":"Warm","video_url":"http://example.com/a.mp4"}}',
    );
    expect(r.values.video_url).toBe("http://example.com/a.mp4");
    expect(r.issues).toEqual([{ param: "input.video_url", message: `video_url ${CONTRACT_MESSAGES.mediaUrl}` }]);
  });

  it("notes a curl to another path and a literal key, and still reads the body", () => {
    const r = importText(
      nanoBanana2,
      `curl https://api.example.com/v1/chat/completions -H 'Authorization: Bearer sk-live-123' -d '{"model":"nano-banana-2","mode":"text-to-video","input":{"prompt":"x"}}'`,
    );
    expect(r.values.prompt).toBe("x");
    expect(params(r)).toEqual(["url", "authorization"]);
    expect(JSON.stringify(r)).not.toContain("sk-live-123");
  });
});

describe("parseCurl", () => {
  it("finds URL, method, headers and body with shell quoting rules", () => {
    const c = parseCurl(
      `curl -sS -X POST "https://x.example/v1/tasks" -H "Authorization: Bearer $UPSTREAM_API_KEY" --data-raw '{"a":"it'\\''s"}'`,
    );
    expect(c).toMatchObject({
      url: "https://x.example/v1/tasks",
      method: "POST",
      headers: ["Authorization: Bearer $UPSTREAM_API_KEY"],
      body: `{"a":"it's"}`,
    });
  });
});
