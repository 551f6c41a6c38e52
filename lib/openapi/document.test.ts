import { validate } from "@readme/openapi-parser";
import { afterEach, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/openapi.json/route";
import { getModel, MODELS } from "@/lib/models/registry";
import { ERRORS } from "@/lib/spec/contract";
import { allowedValues, fieldsOf } from "@/lib/spec/model-spec";
import { openApiDocument } from "./document";

/** The values a property allows: its `enum`, or its `const` (what zod writes for a single allowed value). */
const allowedIn = (prop: { enum?: unknown[]; const?: unknown }) => prop.enum ?? ("const" in prop ? [prop.const] : undefined);

type Doc = ReturnType<typeof openApiDocument> & { components: { schemas: Record<string, any> }; paths: Record<string, any> };

afterEach(() => vi.unstubAllEnvs());

describe("the OpenAPI document", () => {
  it("links the guides (the document, the operations, each model's create body) and documents doc_url and hint", async () => {
    vi.stubEnv("PUBLIC_ORIGIN", "https://playground.example.com");
    const doc = openApiDocument() as Doc & { externalDocs: { url: string; description: string } };
    expect(doc.externalDocs.url).toBe("https://playground.example.com/llms.txt");
    for (const [path, method] of [
      ["/api/tasks", "post"],
      ["/api/tasks/{task_id}", "get"],
    ]) {
      expect(doc.paths[path][method].externalDocs).toEqual({
        url: "https://playground.example.com/models/nano-banana-2",
        description: expect.stringContaining("https://playground.example.com/models/nano-banana-2.md"),
      });
    }
    for (const spec of MODELS) {
      const schema = doc.components.schemas[`CreateTaskRequest_${spec.id.replace(/-/g, "_")}`];
      expect(schema.externalDocs.url).toBe(`https://playground.example.com/models/${spec.id}`);
      expect(schema.externalDocs.description).toContain(`/models/${spec.id}.md`);
    }
    const error = doc.components.schemas.ErrorEnvelope.properties.error;
    expect(error.properties.doc_url).toMatchObject({ type: "string", description: expect.stringContaining("#error-{type}") });
    expect(error.properties.hint).toMatchObject({ type: "string", description: expect.stringContaining("invalid apitype: -1") });
    expect(error.required).toEqual(["type", "message"]);
    const result = await validate(structuredClone(doc) as Parameters<typeof validate>[0]);
    expect(result.valid ? [] : result.errors).toEqual([]);
  });

  it("is a valid OpenAPI 3.1 document for a real validator", async () => {
    const saved = process.env.PUBLIC_ORIGIN;
    process.env.PUBLIC_ORIGIN = "https://play.example.com/ignored/path";
    let doc: Parameters<typeof validate>[0] & { openapi?: string; servers?: unknown };
    try {
      doc = await GET().json();
    } finally {
      if (saved === undefined) delete process.env.PUBLIC_ORIGIN;
      else process.env.PUBLIC_ORIGIN = saved;
    }
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.servers).toEqual([{ url: "https://play.example.com", description: "This playground" }]);
    const result = await validate(structuredClone(doc));
    expect(result.valid ? [] : result.errors).toEqual([]);
  });

  it("the validator is not a rubber stamp: a broken document fails", async () => {
    const doc = openApiDocument() as Doc;
    doc.paths["/api/tasks"].post.responses = { "200": { content: {} } }; // a response without its description
    const result = await validate(structuredClone(doc) as Parameters<typeof validate>[0]);
    expect(result.valid).toBe(false);
  });

  it("picks the model by `model`, then the mode by `mode`, with both models of the registry", () => {
    const doc = openApiDocument() as Doc;
    const create = doc.components.schemas.CreateTaskRequest;
    expect(create.discriminator.propertyName).toBe("model");
    expect(create.discriminator.mapping).toEqual({
      "nano-banana-2": "#/components/schemas/CreateTaskRequest_nano_banana_2",
      "gemini-omni-flash": "#/components/schemas/CreateTaskRequest_gemini_omni_flash",
    });
    expect(create.oneOf).toEqual(Object.values(create.discriminator.mapping).map((r) => ({ $ref: r })));
    const flash = doc.components.schemas.CreateTaskRequest_gemini_omni_flash;
    expect(flash.discriminator.propertyName).toBe("mode");
    expect(flash.discriminator.mapping["image-to-video"]).toBe("#/components/schemas/CreateTaskRequest_gemini_omni_flash_image_to_video");
    const examples = doc.paths["/api/tasks"].post.requestBody.content["application/json"].examples;
    expect(Object.values(examples).map((e: any) => e.value.model)).toEqual(MODELS.map((m) => m.id));
  });

  it.each(MODELS.map((m) => [m.id, m] as const))(
    "describes every mode of %s with exactly the spec's fields and allowed values",
    (_id, spec) => {
      const doc = openApiDocument() as Doc;
      const create = doc.components.schemas[doc.components.schemas.CreateTaskRequest.discriminator.mapping[spec.id].split("/").pop()];
      expect(Object.keys(create.discriminator.mapping)).toEqual(spec.modes.map((m) => m.id));
      for (const { id: mode } of spec.modes) {
        const branch = doc.components.schemas[create.discriminator.mapping[mode].split("/").pop()];
        expect(branch.properties.model.const).toBe(spec.id);
        expect(branch.properties.mode.const).toBe(mode);
        const input = branch.properties.input;
        expect(Object.keys(input.properties)).toEqual(fieldsOf(spec, mode));
        expect(allowedIn(input.properties.aspect_ratio)).toEqual([...allowedValues(spec, "aspect_ratio")]);
        expect(allowedIn(input.properties.resolution)).toEqual([...allowedValues(spec, "resolution")]);
        if (mode === "video-edit") expect(input.properties.duration).toBeUndefined();
        else
          expect(input.properties.duration).toMatchObject({ type: "integer", enum: [...spec.durations], default: spec.defaults.duration });
        expect(input.required).toContain("prompt");
      }
    },
  );

  it("states nano-banana-2's values and gemini-omni-flash's 1080P rule as if/then in every mode", () => {
    const schemas = (openApiDocument() as Doc).components.schemas;
    const nano = schemas.CreateTaskRequest_nano_banana_2_text_to_video.properties.input;
    expect(nano.properties.duration.enum).toEqual([6, 10]);
    expect(nano.properties.resolution).toMatchObject({ const: "720P", default: "720P" });
    expect(nano.allOf).toBeUndefined();
    for (const { id: mode } of getModel("gemini-omni-flash").modes) {
      const input = schemas[`CreateTaskRequest_gemini_omni_flash_${mode.replace(/-/g, "_")}`].properties.input;
      expect(input.properties.resolution.enum).toEqual(["720P", "1080P"]);
      expect(input.allOf, mode).toEqual([
        {
          description: "resolution 1080P is allowed only with aspect_ratio 16:9.",
          if: { properties: { resolution: { enum: ["1080P"] } }, required: ["resolution"] },
          // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then, as the document carries it
          then: { properties: { aspect_ratio: { enum: ["16:9"] } } },
        },
      ]);
    }
    expect(schemas.CreateTaskRequest_gemini_omni_flash_text_to_video.properties.input.properties.duration.enum).toEqual([4, 6, 10]);
  });

  it("lists every error type of the spec's table under its HTTP status", () => {
    const doc = openApiDocument() as Doc;
    const text = JSON.stringify(doc.paths);
    for (const e of ERRORS) expect(text).toContain(e.type);
    expect(doc.paths["/api/tasks/{task_id}"].get.responses["404"].description).toContain("not_found_error");
    expect(doc.components.schemas.ErrorEnvelope.properties.error.required).toEqual(["type", "message"]);
  });

  it("describes uploads as the two calls they are: a ticket for the size, then the file with the ticket", () => {
    const doc = openApiDocument() as Doc;
    const ticket = doc.paths["/api/upload-tickets"].post;
    expect(doc.components.schemas.UploadTicketRequest).toMatchObject({
      required: ["size"],
      properties: { size: { type: "integer", minimum: 1, maximum: 100 * 1024 * 1024 } },
    });
    expect(Object.keys(doc.components.schemas.UploadTicket.properties)).toEqual(["ticket", "expires_at", "max_bytes"]);
    expect(ticket.responses["200"].content["application/json"].schema).toEqual({ $ref: "#/components/schemas/UploadTicket" });
    const upload = doc.paths["/api/uploads"].post;
    expect(upload.parameters).toEqual([expect.objectContaining({ name: "X-Upload-Ticket", in: "header", required: true })]);
    expect(upload.responses["403"].description).toMatch(/expired or already used/);
  });
});
