/**
 * Reads a request body (pasted, or a shared link's parameters) into form values. Every field that fits
 * the contract is kept; everything else is listed with the schema's own message, which names the
 * allowed values. Nothing here touches the form: the caller applies `values`. Kept free of the curl
 * tokenizer so that shared links (in the first load) do not pull it in.
 */
import { CONTRACT_MESSAGES, FIELD_NAMES, type FieldName, type ModeId } from "@/lib/spec/contract";
import { brokenRules, fieldsOf, hasMode, type ModelSpec, mediaFieldOf, ruleText, specMessages } from "@/lib/spec/model-spec";
import { checkInputField, type FieldIssue, type FormState, parseCreateTaskRequest } from "@/lib/spec/schema";
import { englishSay, type Say } from "@/lib/spec/validation-words";

export type ImportResult = {
  /** Form values to apply: the mode and every field that could be read. */
  values: Partial<FormState>;
  /** What does not fit the contract, with the reason and the allowed values. */
  issues: FieldIssue[];
  /** The fields the request itself carried and the form now holds (not those given their default): what "Filled…" lists. */
  filled: FieldName[];
  /** Where the input came from. */
  source: "curl" | "json" | "link";
};

export type ImportOptions = {
  /** The upstream's model id, accepted besides the spec's (an exported snippet carries it). */
  upstreamModel?: string;
  /** Shared links: a missing field is no issue and keeps its current value; unknown keys are ignored. */
  partial?: boolean;
  /** The language of the issues' messages (the page's); English, the API's words, by default. */
  say?: Say;
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The mode a body without a valid `mode` most likely meant, from the media field it carries. */
function inferMode(spec: ModelSpec, input: Record<string, unknown>): ModeId {
  return (
    spec.modes.find((m) => {
      const media = mediaFieldOf(m.id);
      return media !== null && media in input;
    })?.id ?? spec.modes[0].id
  );
}

function push(issues: FieldIssue[], issue: FieldIssue) {
  if (!issues.some((i) => i.param === issue.param && i.message === issue.message)) issues.push(issue);
}

/** Reads a create request body (`{ model, mode, input }`) into form values for `spec`'s playground, and issues. */
export function importRequest(
  spec: ModelSpec,
  body: unknown,
  opts: ImportOptions = {},
  source: ImportResult["source"] = "json",
): ImportResult {
  const issues: FieldIssue[] = [];
  if (!isRecord(body)) return { values: {}, issues: [{ param: "body", message: CONTRACT_MESSAGES.body }], filled: [], source };

  // Fields sent at the top level (without `input`) are still read, and the shape is reported below.
  const lifted = Object.fromEntries(Object.entries(body).filter(([k]) => (FIELD_NAMES as readonly string[]).includes(k)));
  const input = isRecord(body.input) ? body.input : lifted;

  const say = opts.say ?? englishSay;
  const messages = specMessages(spec, say);
  const modeGiven = typeof body.mode === "string" && hasMode(spec, body.mode);
  const mode = modeGiven ? (body.mode as ModeId) : inferMode(spec, input);
  if (!modeGiven && !(opts.partial && body.mode === undefined)) push(issues, { param: "mode", message: messages.mode });
  const modelOk = body.model === spec.id || (!!opts.upstreamModel && body.model === opts.upstreamModel);
  if (!modelOk && !opts.partial) push(issues, { param: "model", message: messages.model });

  // Structure (unknown keys, a missing `input`) in the create schema's own words; fields are checked one by one below.
  if (!opts.partial) {
    const structural = parseCreateTaskRequest({ ...body, model: spec.id, mode }, [spec]);
    if (!structural.ok) {
      const own = new Set(fieldsOf(spec, mode).map((f) => `input.${f}`));
      for (const issue of structural.issues) if (!own.has(issue.param)) push(issues, issue);
    }
  }

  const values: Partial<FormState> = { mode };
  const set = values as Record<string, unknown>;
  const filled: FieldName[] = [];
  const modeFields = fieldsOf(spec, mode);
  const defaults: Partial<Record<FieldName, unknown>> = spec.defaults;
  for (const field of FIELD_NAMES) {
    const present = field in input && input[field] !== undefined;
    const inMode = modeFields.includes(field);
    if (!present) {
      if (!inMode || opts.partial) continue;
      if (field in defaults) set[field] = defaults[field];
      else
        push(issues, { param: `input.${field}`, message: (checkInputField(spec, field, undefined, say) as { message: string }).message });
      continue;
    }
    const raw = input[field];
    const check = checkInputField(spec, field, raw, say);
    if (check.ok) {
      set[field] = field === "prompt" ? raw : check.value;
      filled.push(field);
    } else {
      if (inMode) push(issues, { param: `input.${field}`, message: check.message });
      // Text the user can fix in the form is kept there (the form shows the same message); a value a
      // radio or select cannot hold is only listed.
      if (typeof raw === "string" && (field === "prompt" || field === "image_url" || field === "video_url")) set[field] = raw;
      if (field === "reference_image_urls" && Array.isArray(raw)) set[field] = raw.filter((u): u is string => typeof u === "string");
      if (field in set) filled.push(field);
    }
  }
  // A rule between two fields of the mode (1080P only with 16:9) is no field's own: checked on what was read.
  for (const rule of brokenRules(spec, set)) {
    if (!modeFields.includes(rule.when.field) || !modeFields.includes(rule.allow.field)) continue;
    for (const field of [rule.when.field, rule.allow.field]) push(issues, { param: `input.${field}`, message: ruleText(rule, say) });
  }
  return { values, issues, filled, source };
}
