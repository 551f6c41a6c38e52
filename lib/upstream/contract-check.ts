/**
 * The contract check: an upstream answer is held against its dialect's schema and every field that is
 * missing, extra or of an unexpected type becomes a flag. It never throws, whatever the answer is.
 */
import type { z } from "zod";

export type ContractFlag = { path: string; kind: "missing" | "extra" | "type"; message: string };

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = root;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "string") return `string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === "number" || typeof value === "boolean") return `${typeof value} ${value}`;
  return typeof value;
}

const joinPath = (path: readonly PropertyKey[]) => path.map(String).join(".") || "(body)";

/** Flags every difference between `raw` and `schema` (strict objects flag extra keys); [] when it matches. */
export function contractFlags(schema: z.ZodType, raw: unknown): ContractFlag[] {
  const result = schema.safeParse(raw);
  if (result.success) return [];
  return result.error.issues.flatMap((issue): ContractFlag[] => {
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({ path: joinPath([...issue.path, key]), kind: "extra", message: "not in the dialect's schema" }));
    }
    const value = valueAt(raw, issue.path);
    if (value === undefined) return [{ path: joinPath(issue.path), kind: "missing", message: "expected by the dialect's schema, absent" }];
    const expected = "expected" in issue && issue.expected ? `expected ${String(issue.expected)}` : issue.message;
    const allowed = issue.code === "invalid_value" ? `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}` : expected;
    return [{ path: joinPath(issue.path), kind: "type", message: `${allowed}, got ${describeValue(value)}` }];
  });
}
