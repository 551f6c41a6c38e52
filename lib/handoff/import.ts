/**
 * Import: turns a pasted curl command or request JSON into form values (see request-import.ts for the
 * rules). Curl commands are split with `shell-quote`, a well-kept shell-words tokenizer.
 */
import { parse as parseShell } from "shell-quote";
import type { ModelSpec } from "@/lib/spec/model-spec";
import type { FieldIssue } from "@/lib/spec/schema";
import { gatewayBodyToRequest, generationTaskWire, taskContractWire } from "@/lib/upstream/dialects/wire";
import { type ImportOptions, type ImportResult, importRequest } from "./request-import";

export { type ImportResult, importRequest };

const BODY_OPTIONS = new Set(["-d", "--data", "--data-raw", "--data-binary", "--data-ascii", "--json"]);
const HEADER_OPTIONS = new Set(["-H", "--header"]);

/** Splits a curl command with a shell-words tokenizer (`shell-quote`) and reads its URL, headers and body. */
export function parseCurl(text: string): { url?: string; method?: string; headers: string[]; body?: string; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  // Line continuations first, as the shell does; `$VARS` stay as they are written.
  const tokens = parseShell(text.replace(/\\\r?\n/g, " "), (name) => `$${name}`);
  const words: string[] = [];
  for (const t of tokens) {
    if (typeof t !== "string") break; // a pipe, `;`, `&&` or a comment ends the curl command
    words.push(t);
  }
  const start = words.findIndex((w) => w === "curl" || w.endsWith("/curl"));
  const out: ReturnType<typeof parseCurl> = { headers: [], issues };
  const bodies: string[] = [];
  for (let i = start + 1; i < words.length; i++) {
    const w = words[i];
    const attached = /^-([dH])(.+)$/.exec(w);
    if (BODY_OPTIONS.has(w) || attached?.[1] === "d") {
      const value = attached ? attached[2] : (words[++i] ?? "");
      if (value.startsWith("@") && w !== "--data-raw") {
        issues.push({ param: "body", message: `The body is read from the file ${value.slice(1)}: paste the JSON itself.` });
      } else bodies.push(value);
      if (w === "--json") out.method ??= "POST";
    } else if (HEADER_OPTIONS.has(w) || attached?.[1] === "H") {
      out.headers.push(attached ? attached[2] : (words[++i] ?? ""));
    } else if (w === "-X" || w === "--request") {
      out.method = words[++i];
    } else if (w === "--url") {
      out.url = words[++i];
    } else if (w === "-F" || w === "--form") {
      issues.push({
        param: "body",
        message: "A multipart form (-F) is an upload, not a create request: paste the POST …/v1/tasks command.",
      });
      i++;
    } else if (/^https?:\/\//i.test(w) && !out.url) {
      out.url = w;
    }
  }
  if (start < 0) issues.push({ param: "body", message: "No curl command found: paste a curl command or the request JSON." });
  if (bodies.length > 1) issues.push({ param: "body", message: "The command sends more than one body (-d); only the first is read." });
  out.body = bodies[0];
  return out;
}

/** Reads pasted text: a curl command or a request JSON. */
export function importText(spec: ModelSpec, text: string, opts: ImportOptions = {}): ImportResult {
  const trimmed = text.trim();
  if (!trimmed)
    return { values: {}, issues: [{ param: "body", message: "Paste a curl command or a request JSON." }], filled: [], source: "json" };
  if (!/^(\$\s+)?(\S*\/)?curl\s/.test(trimmed)) {
    const json = parseJson(trimmed);
    if (json.error) return { values: {}, issues: [{ param: "body", message: json.error }], filled: [], source: "json" };
    return importRequest(spec, gatewayBodyToRequest(json.value) ?? json.value, opts, "json");
  }
  const curl = parseCurl(trimmed);
  const notes: FieldIssue[] = [...curl.issues];
  const createPaths = [taskContractWire.createPath, generationTaskWire.createPath];
  const path = curl.url ? new URL(curl.url, "http://x").pathname.replace(/\/+$/, "") : "";
  if (curl.url && !createPaths.some((p) => path.endsWith(p))) {
    notes.push({
      param: "url",
      message: `The command goes to ${curl.url}; a create request is POST {base}${createPaths.join(" or POST {base}")}. Its body was read all the same.`,
    });
  }
  if (curl.headers.some((h) => /^authorization:\s*bearer\s+(?!\$)\S/i.test(h))) {
    notes.push({
      param: "authorization",
      message: "The command carries a literal API key; it was not kept. Exported code reads $UPSTREAM_API_KEY.",
    });
  }
  if (curl.body === undefined)
    return {
      values: {},
      issues: [...notes, { param: "body", message: "The command sends no JSON body (-d, --data-raw or --json)." }],
      filled: [],
      source: "curl",
    };
  const json = parseJson(curl.body);
  if (json.error) return { values: {}, issues: [...notes, { param: "body", message: json.error }], filled: [], source: "curl" };
  // A curl in the gateway's dialect (what Hand-off exports with UPSTREAM_DIALECT=generation-task) reads the same.
  const result = importRequest(
    spec,
    gatewayBodyToRequest(json.value, path.endsWith(generationTaskWire.createPath)) ?? json.value,
    opts,
    "curl",
  );
  return { ...result, issues: [...notes, ...result.issues] };
}

function parseJson(text: string): { value?: unknown; error?: string } {
  try {
    return { value: JSON.parse(text) };
  } catch (err) {
    return { error: `The body is not valid JSON (${err instanceof Error ? err.message : String(err)}).` };
  }
}
