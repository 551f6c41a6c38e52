/**
 * Import: turns a pasted curl command or request JSON (or a shared link's parameters) into form values.
 * Every field that fits the contract is kept; everything else is listed with the schema's own message,
 * which names the allowed values. Nothing here touches the form: the caller applies `values`.
 */
import { parse as parseShell } from "shell-quote";
import { DEFAULTS, FIELDS, MESSAGES, MODEL_ID, MODES, MODE_IDS, fieldsOf, type FieldName, type ModeId } from "@/lib/spec/nano-banana-2";
import { checkInputField, parseCreateTaskRequest, type FieldIssue, type FormState } from "@/lib/spec/schema";

export type ImportResult = {
  /** Form values to apply: the mode and every field that could be read. */
  values: Partial<FormState>;
  /** What does not fit the contract, with the reason and the allowed values. */
  issues: FieldIssue[];
  /** Where the input came from. */
  source: "curl" | "json" | "link";
};

type Options = {
  /** The upstream's model id, accepted besides the spec's (an exported snippet carries it). */
  upstreamModel?: string;
  /** Shared links: a missing field is no issue and keeps its current value; unknown keys are ignored. */
  partial?: boolean;
};

const FIELD_NAMES = Object.keys(FIELDS) as FieldName[];
const OPTIONAL_DEFAULTS: Partial<Record<FieldName, unknown>> = DEFAULTS;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The mode a body without a valid `mode` most likely meant, from the media field it carries. */
function inferMode(input: Record<string, unknown>): ModeId {
  return MODES.find((m) => m.media && m.media in input)?.id ?? MODES[0].id;
}

function push(issues: FieldIssue[], issue: FieldIssue) {
  if (!issues.some((i) => i.param === issue.param && i.message === issue.message)) issues.push(issue);
}

/** Reads a create request body (`{ model, mode, input }`) into form values and issues. */
export function importRequest(body: unknown, opts: Options = {}, source: ImportResult["source"] = "json"): ImportResult {
  const issues: FieldIssue[] = [];
  if (!isRecord(body)) return { values: {}, issues: [{ param: "body", message: MESSAGES.body }], source };

  // Fields sent at the top level (without `input`) are still read, and the shape is reported below.
  const lifted = Object.fromEntries(Object.entries(body).filter(([k]) => (FIELD_NAMES as string[]).includes(k)));
  const input = isRecord(body.input) ? body.input : lifted;

  const modeGiven = (MODE_IDS as readonly unknown[]).includes(body.mode);
  const mode = modeGiven ? (body.mode as ModeId) : inferMode(input);
  if (!modeGiven && !(opts.partial && body.mode === undefined)) push(issues, { param: "mode", message: MESSAGES.mode });
  const modelOk = body.model === MODEL_ID || (!!opts.upstreamModel && body.model === opts.upstreamModel);
  if (!modelOk && !opts.partial) push(issues, { param: "model", message: MESSAGES.model });

  // Structure (unknown keys, a missing `input`) in the create schema's own words; fields are checked one by one below.
  if (!opts.partial) {
    const structural = parseCreateTaskRequest({ ...body, model: MODEL_ID, mode });
    if (!structural.ok) {
      const own = new Set(fieldsOf(mode).map((f) => `input.${f}`));
      for (const issue of structural.issues) if (!own.has(issue.param)) push(issues, issue);
    }
  }

  const values: Partial<FormState> = { mode };
  const set = values as Record<string, unknown>;
  const modeFields = fieldsOf(mode);
  for (const field of FIELD_NAMES) {
    const present = field in input && input[field] !== undefined;
    const inMode = modeFields.includes(field);
    if (!present) {
      if (!inMode || opts.partial) continue;
      if (field in OPTIONAL_DEFAULTS) set[field] = OPTIONAL_DEFAULTS[field];
      else push(issues, { param: `input.${field}`, message: (checkInputField(field, undefined) as { message: string }).message });
      continue;
    }
    const raw = input[field];
    const check = checkInputField(field, raw);
    if (check.ok) {
      set[field] = field === "prompt" ? raw : check.value;
    } else {
      if (inMode) push(issues, { param: `input.${field}`, message: check.message });
      // Text the user can fix in the form is kept there (the form shows the same message); a value a
      // radio or select cannot hold is only listed.
      if (typeof raw === "string" && (field === "prompt" || field === "image_url" || field === "video_url")) set[field] = raw;
      if (field === "reference_image_urls" && Array.isArray(raw)) set[field] = raw.filter((u): u is string => typeof u === "string");
    }
  }
  return { values, issues, source };
}

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
      issues.push({ param: "body", message: "A multipart form (-F) is an upload, not a create request: paste the POST …/v1/tasks command." });
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
export function importText(text: string, opts: Options = {}): ImportResult {
  const trimmed = text.trim();
  if (!trimmed) return { values: {}, issues: [{ param: "body", message: "Paste a curl command or a request JSON." }], source: "json" };
  if (!/^(\$\s+)?(\S*\/)?curl\s/.test(trimmed)) {
    const json = parseJson(trimmed);
    if (json.error) return { values: {}, issues: [{ param: "body", message: json.error }], source: "json" };
    return importRequest(json.value, opts, "json");
  }
  const curl = parseCurl(trimmed);
  const notes: FieldIssue[] = [...curl.issues];
  if (curl.url && !/\/v1\/tasks\/?$/.test(new URL(curl.url, "http://x").pathname)) {
    notes.push({ param: "url", message: `The command goes to ${curl.url}; a create request is POST {base}/v1/tasks. Its body was read all the same.` });
  }
  if (curl.headers.some((h) => /^authorization:\s*bearer\s+(?!\$)\S/i.test(h))) {
    notes.push({ param: "authorization", message: "The command carries a literal API key; it was not kept. Exported code reads $UPSTREAM_API_KEY." });
  }
  if (curl.body === undefined) return { values: {}, issues: [...notes, { param: "body", message: "The command sends no JSON body (-d, --data-raw or --json)." }], source: "curl" };
  const json = parseJson(curl.body);
  if (json.error) return { values: {}, issues: [...notes, { param: "body", message: json.error }], source: "curl" };
  const result = importRequest(json.value, opts, "curl");
  return { ...result, issues: [...notes, ...result.issues] };
}

function parseJson(text: string): { value?: unknown; error?: string } {
  try {
    return { value: JSON.parse(text) };
  } catch (err) {
    return { error: `The body is not valid JSON (${err instanceof Error ? err.message : String(err)}).` };
  }
}
