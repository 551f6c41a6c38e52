import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Faq } from "@/components/guide/faq";
import { referenceTableHtml } from "@/components/guide/reference-tables";
import { ApiError, withDocs } from "@/lib/errors";
import { LOCALES } from "@/lib/i18n";
import { DEFAULT_MODEL, MODELS } from "@/lib/models/registry";
import { ERRORS, GATEWAY_ANSWERS } from "@/lib/spec/contract";
import { errorEnvelopeSchema } from "@/lib/spec/schema";
import { errorDocs } from "./error-docs";

afterEach(() => vi.unstubAllEnvs());

/** The ids the guide page of `model` has for its error table rows and its FAQ, as rendered. */
function guideIds(model: (typeof MODELS)[number], locale: (typeof LOCALES)[number]["code"]): Set<string> {
  const html = referenceTableHtml("errors", model, locale) + renderToStaticMarkup(createElement(Faq, { items: model.texts[locale].faq }));
  return new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
}

describe("doc_url and hint", () => {
  it("every error type of the table has a doc_url whose anchor is a row of the rendered guide, in every model and language", () => {
    for (const model of MODELS) {
      for (const { code } of LOCALES) {
        const ids = guideIds(model, code);
        for (const e of ERRORS) {
          const docs = errorDocs({ status: e.status, type: e.type, message: "anything" }, model.id);
          const [path, anchor] = docs.doc_url.split("#");
          expect(path).toBe(`/models/${model.id}`);
          expect(anchor).toBe(`error-${e.type}`);
          expect(ids.has(anchor), `${model.id} ${code} #${anchor}`).toBe(true);
          expect(docs.hint).toBe(`${e.fix} ${e.retry}`);
        }
      }
    }
  });

  it("points the gateway's invalid apitype: -1 at the FAQ entry that explains it, and names the chat and task endpoints", () => {
    const message = `${GATEWAY_ANSWERS[0].match} (request id: 20260415000000)`;
    for (const model of MODELS) {
      const docs = errorDocs({ status: 400, type: "new_api_error", message }, model.id);
      const anchor = docs.doc_url.split("#")[1];
      expect(anchor).toMatch(/^faq-\d+$/);
      for (const { code } of LOCALES) expect(guideIds(model, code).has(anchor)).toBe(true);
      const entry = model.texts.en.faq[Number(anchor.slice(4))];
      expect(entry.a).toBe(GATEWAY_ANSWERS[0].explanation);
      expect(docs.hint).toMatch(/chat endpoint/);
      expect(docs.hint).toContain("POST /api/tasks");
      expect(docs.hint).toContain("POST {base}/v1/videos/generations");
      expect(docs.hint).toContain("GET /api/tasks/{task_id}");
    }
  });

  it("falls back to the status's row, then to the errors section with no hint, and to the default model's guide", () => {
    expect(errorDocs({ status: 429, type: "too_many", message: "slow down" }).doc_url).toBe(
      `/models/${DEFAULT_MODEL.id}#error-rate_limit_exceeded`,
    );
    expect(errorDocs({ status: 503, type: "simulator_busy", message: "busy" }, "no-such-model")).toEqual({
      doc_url: `/models/${DEFAULT_MODEL.id}#errors`,
    });
  });

  it("is absolute on PUBLIC_ORIGIN, never on anything else", () => {
    vi.stubEnv("PUBLIC_ORIGIN", "https://playground.example.com/");
    expect(errorDocs({ status: 401, type: "authentication_error", message: "no" }, "gemini-omni-flash").doc_url).toBe(
      "https://playground.example.com/models/gemini-omni-flash#error-authentication_error",
    );
    vi.stubEnv("PUBLIC_ORIGIN", "javascript:alert(1)");
    expect(errorDocs({ status: 401, type: "authentication_error", message: "no" }).doc_url).toBe(
      `/models/${DEFAULT_MODEL.id}#error-authentication_error`,
    );
  });
});

describe("the envelope", () => {
  it("of the proxy carries doc_url and hint, and the schema keeps them", async () => {
    const res = new ApiError(400, "invalid_request_error", "duration must be 6 or 10 (seconds).", {
      param: "input.duration",
      model: "gemini-omni-flash",
    }).toResponse();
    const body = await res.json();
    expect(body.error).toMatchObject({
      type: "invalid_request_error",
      param: "input.duration",
      doc_url: "/models/gemini-omni-flash#error-invalid_request_error",
      hint: `${ERRORS[0].fix} ${ERRORS[0].retry}`,
    });
    expect(errorEnvelopeSchema.parse(body)).toEqual(body);
  });

  it("of the simulator, which stands in for an upstream, is the contract's bare one", () => {
    const bare = new ApiError(404, "not_found_error", "No task with id task_1.").toBody({ docs: false });
    expect(Object.keys(bare.error).sort()).toEqual(["message", "request_id", "type"]);
  });

  it("of an upstream's error gets the docs of its type, overriding any the upstream sent", () => {
    const error = withDocs({ type: "rate_limit_exceeded", message: "slow", request_id: "req_1", doc_url: "https://evil.example" }, 429);
    expect(error.doc_url).toBe(`/models/${DEFAULT_MODEL.id}#error-rate_limit_exceeded`);
  });
});
