import { validate } from "@readme/openapi-parser";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/openapi.json/route";
import { ASPECT_RATIO_VALUES, DURATIONS, ERRORS, MODES, RESOLUTIONS, fieldsOf } from "@/lib/spec/nano-banana-2";
import { openApiDocument } from "./document";

type Doc = ReturnType<typeof openApiDocument> & { components: { schemas: Record<string, any> }; paths: Record<string, any> };

describe("the OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document for a real validator", async () => {
    const res = GET(new Request("http://127.0.0.1:3000/api/openapi.json"));
    const doc = await res.json();
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.servers).toEqual([{ url: "http://127.0.0.1:3000", description: "This playground" }]);
    const result = await validate(structuredClone(doc));
    expect(result.valid ? [] : result.errors).toEqual([]);
  });

  it("the validator is not a rubber stamp: a broken document fails", async () => {
    const doc = openApiDocument() as Doc;
    doc.paths["/api/tasks"].post.responses = { "200": { content: {} } }; // a response without its description
    const result = await validate(structuredClone(doc) as Parameters<typeof validate>[0]);
    expect(result.valid).toBe(false);
  });

  it("describes every mode with exactly the spec's fields and allowed values", () => {
    const doc = openApiDocument() as Doc;
    const create = doc.components.schemas.CreateTaskRequest;
    expect(Object.keys(create.discriminator.mapping)).toEqual(MODES.map((m) => m.id));
    for (const mode of MODES) {
      const branch = doc.components.schemas[create.discriminator.mapping[mode.id].split("/").pop()];
      expect(branch.properties.mode.const).toBe(mode.id);
      const input = branch.properties.input;
      expect(Object.keys(input.properties)).toEqual(fieldsOf(mode.id));
      expect(input.properties.aspect_ratio.enum).toEqual(ASPECT_RATIO_VALUES);
      expect(input.properties.resolution.enum).toEqual([...RESOLUTIONS]);
      if (mode.id === "video-edit") expect(input.properties.duration).toBeUndefined();
      else expect(input.properties.duration).toMatchObject({ type: "integer", enum: [...DURATIONS], default: 6 });
      expect(input.required).toContain("prompt");
    }
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
    expect(doc.components.schemas.UploadTicketRequest).toMatchObject({ required: ["size"], properties: { size: { type: "integer", minimum: 1, maximum: 100 * 1024 * 1024 } } });
    expect(Object.keys(doc.components.schemas.UploadTicket.properties)).toEqual(["ticket", "expires_at", "max_bytes"]);
    expect(ticket.responses["200"].content["application/json"].schema).toEqual({ $ref: "#/components/schemas/UploadTicket" });
    const upload = doc.paths["/api/uploads"].post;
    expect(upload.parameters).toEqual([expect.objectContaining({ name: "X-Upload-Ticket", in: "header", required: true })]);
    expect(upload.responses["403"].description).toMatch(/expired or already used/);
  });
});
