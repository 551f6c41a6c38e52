/**
 * The rows of the guide's parameter table for one mode, read from the JSON Schema that is generated from
 * the zod create schema: the names, required flags, defaults and allowed values are the ones the server
 * enforces; the type words come from the contract, the descriptions from the spec.
 */
import { format, joinOr, type Messages } from "@/lib/i18n";
import { FIELD_TYPES, type FieldName, type ModeId } from "@/lib/spec/contract";
import { type JsonSchema, modeRequestJsonSchema } from "@/lib/spec/json-schema";
import type { CrossFieldRule, ModelSpec, ModelTexts } from "@/lib/spec/model-spec";

export type Allowed =
  | { kind: "values"; values: (string | number)[]; unit?: "seconds" }
  | { kind: "length"; min: number; max: number }
  | { kind: "media"; counts: number[]; mimeTypes: string[]; maxBytes: number };

export type ParamRow = {
  /** As written in the body: `model`, `mode`, `input.prompt`, … */
  path: string;
  field: FieldName | "model" | "mode";
  type: string;
  required: boolean;
  default: string | number | null;
  allowed: Allowed;
  /** Cross-field rules of the spec that constrain this field further. */
  rules: readonly CrossFieldRule[];
};

type Media = { count: number | number[]; mime_types: string[]; max_bytes: number };

function allowedOf(name: string, prop: JsonSchema): Allowed {
  const media = prop["x-media"] as Media | undefined;
  if (media) return { kind: "media", counts: [media.count].flat(), mimeTypes: media.mime_types, maxBytes: media.max_bytes };
  if (prop.enum)
    return { kind: "values", values: prop.enum as (string | number)[], ...(name === "duration" ? { unit: "seconds" as const } : {}) };
  if (prop.const !== undefined) return { kind: "values", values: [prop.const as string] };
  if (typeof prop.maxLength === "number") return { kind: "length", min: (prop.minLength as number) ?? 0, max: prop.maxLength };
  throw new Error(`No allowed values can be read for ${name}.`);
}

const rowsBySpec = new WeakMap<ModelSpec, Map<ModeId, readonly ParamRow[]>>();

/**
 * The rows of one mode of one model. Worked out once per mode and kept: a spec cannot change while the
 * server runs, and the JSON Schema conversion behind them was over a millisecond of every guide page's render.
 */
export function paramRows(spec: ModelSpec, mode: ModeId): readonly ParamRow[] {
  const byMode = rowsBySpec.get(spec) ?? new Map<ModeId, readonly ParamRow[]>();
  rowsBySpec.set(spec, byMode);
  let rows = byMode.get(mode);
  if (!rows) {
    rows = Object.freeze(rowsOf(spec, mode));
    byMode.set(mode, rows);
  }
  return rows;
}

function rowsOf(spec: ModelSpec, mode: ModeId): ParamRow[] {
  const branch = modeRequestJsonSchema(spec, mode);
  const top = branch.properties!;
  const input = top.input;
  const rows: ParamRow[] = (["model", "mode"] as const).map((name) => ({
    path: name,
    field: name,
    type: String(top[name].type),
    required: branch.required!.includes(name),
    default: null,
    allowed: allowedOf(name, top[name]),
    rules: [],
  }));
  for (const [name, prop] of Object.entries(input.properties!)) {
    const field = name as FieldName;
    rows.push({
      path: `input.${name}`,
      field,
      type: FIELD_TYPES[field],
      required: input.required!.includes(name),
      default: (prop.default as string | number | undefined) ?? null,
      allowed: allowedOf(name, prop),
      rules: spec.rules.filter(
        (r) =>
          [r.when.field, r.allow.field].includes(field as never) && r.when.field in input.properties! && r.allow.field in input.properties!,
      ),
    });
  }
  return rows;
}

/** A row's description in the guide's language: the field's own words, then the cross-field rules that bind it. */
export function paramDescription(row: ParamRow, modeLabel: string, t: Messages, fields: ModelTexts["fields"]): string {
  if (row.field === "model") return t.params.modelDescription;
  if (row.field === "mode") return format(t.params.modeDescription, { mode: modeLabel });
  const rules = row.rules.map((r) =>
    format(t.params.rule, {
      when: r.when.field,
      whenValues: joinOr(r.when.values, t.params.or),
      allow: r.allow.field,
      allowValues: joinOr(r.allow.values, t.params.or),
    }),
  );
  return [fields[row.field], ...rules].join(" ");
}
