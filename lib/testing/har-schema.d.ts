/** The har-schema package (HAR 1.2 as JSON Schema, draft-06) ships no types: one schema per HAR object, by name. */
declare module "har-schema" {
  const schemas: Record<string, import("ajv").AnySchemaObject>;
  export default schemas;
}
