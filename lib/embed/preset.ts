/**
 * The embed's preset, read from its query string (`mode`, `prompt`, `duration`, `aspect_ratio`,
 * `resolution`, `theme`, `panels`) and validated with the spec's schemas. An invalid value is ignored and
 * reported as a note naming the parameter and the allowed values; it never breaks the page. An invalid
 * prompt is reported and kept (the form shows what is wrong with it), so the text is not lost.
 */
import { brokenRules, fieldsOf, hasMode, type ModelSpec, ruleText, specMessages } from "@/lib/spec/model-spec";
import { checkInputField, type FormState } from "@/lib/spec/schema";
import { englishSay, type Say } from "@/lib/spec/validation-words";
import { isThemeChoice, THEMES, type ThemeChoice } from "@/lib/theme";

export const PANELS = ["form", "output"] as const;
export type Panel = (typeof PANELS)[number];
export type PanelVisibility = Record<Panel, boolean>;

/** A preset value that was not taken as it came: ignored, or (`kept`, a prompt) kept in the form for the reader to fix. */
export type PresetNote = { param: string; value: string; message: string; kept?: true };
export type EmbedPreset = {
  values: Partial<FormState>;
  theme: ThemeChoice | null;
  panels: PanelVisibility;
  notes: PresetNote[];
};

/** The query parameters an embed understands, in the order the embed code writes them. */
export const PRESET_PARAMS = ["mode", "prompt", "duration", "aspect_ratio", "resolution", "theme", "panels"] as const;

type Query = Record<string, string | string[] | undefined> | URLSearchParams;

function read(query: Query, name: string): string | undefined {
  if (query instanceof URLSearchParams) return query.get(name) ?? undefined;
  const v = query[name];
  return Array.isArray(v) ? v[0] : v;
}

/** The preset of an embed of `spec`: each value checked by that model's own field rule. */
export function parseEmbedPreset(spec: ModelSpec, query: Query, say: Say = englishSay): EmbedPreset {
  const values: Partial<FormState> = {};
  const notes: PresetNote[] = [];

  const mode = read(query, "mode");
  if (mode !== undefined) {
    if (hasMode(spec, mode)) values.mode = mode;
    else notes.push({ param: "mode", value: mode, message: specMessages(spec, say).mode });
  }

  for (const name of ["prompt", "duration", "aspect_ratio", "resolution"] as const) {
    const raw = read(query, name);
    if (raw === undefined) continue;
    const value = name === "duration" && /^\d+$/.test(raw) ? Number(raw) : raw;
    const r = checkInputField(spec, name, value, say);
    if (r.ok) (values as Record<string, unknown>)[name] = name === "prompt" ? raw : r.value;
    // A prompt is someone's text: kept as it came (the form flags it, as the guide does), never dropped.
    else if (name === "prompt") values.prompt = raw;
    if (!r.ok)
      notes.push({
        param: name,
        value: raw.length > 40 ? `${raw.slice(0, 40)}…` : raw,
        message: r.message,
        ...(name === "prompt" ? { kept: true as const } : {}),
      });
  }

  // Values that are each allowed but not together (1080P with 9:16) are kept, and the form flags them too.
  for (const rule of brokenRules(spec, values)) {
    notes.push({
      param: `${rule.when.field},${rule.allow.field}`,
      value: `${values[rule.when.field]},${values[rule.allow.field]}`,
      message: ruleText(rule, say),
    });
  }

  let theme: ThemeChoice | null = null;
  const themeValue = read(query, "theme");
  if (themeValue !== undefined) {
    if (isThemeChoice(themeValue)) theme = themeValue;
    else notes.push({ param: "theme", value: themeValue, message: say("theme", { allowed: THEMES.join(", ") }) });
  }

  const panels: PanelVisibility = { form: true, output: true };
  const panelsValue = read(query, "panels");
  if (panelsValue !== undefined) {
    const names = panelsValue
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    const known = names.filter((n): n is Panel => (PANELS as readonly string[]).includes(n));
    const unknown = names.filter((n) => !known.includes(n as Panel));
    if (unknown.length || !known.length) {
      notes.push({ param: "panels", value: panelsValue, message: say("panels", { allowed: PANELS.join(", ") }) });
    }
    if (known.length) for (const p of PANELS) panels[p] = known.includes(p);
  }

  return { values, theme, panels, notes };
}

/** The embed URL's query for a configuration (only what differs from the defaults is written). */
export function embedQuery(
  spec: ModelSpec,
  config: { values: Partial<FormState>; theme: ThemeChoice; panels: PanelVisibility; lang?: string },
): string {
  const q = new URLSearchParams();
  const v = config.values;
  if (v.mode) q.set("mode", v.mode);
  if (v.prompt?.trim()) q.set("prompt", v.prompt.trim());
  if (v.duration !== undefined && (!v.mode || fieldsOf(spec, v.mode).includes("duration"))) q.set("duration", String(v.duration));
  if (v.aspect_ratio) q.set("aspect_ratio", v.aspect_ratio);
  if (v.resolution) q.set("resolution", v.resolution);
  if (config.theme !== "system") q.set("theme", config.theme);
  const shown = PANELS.filter((p) => config.panels[p]);
  if (shown.length && shown.length < PANELS.length) q.set("panels", shown.join(","));
  // The embed's language (?lang=ru); English, the default, is left out.
  if (config.lang && config.lang !== "en") q.set("lang", config.lang);
  return q.toString();
}
