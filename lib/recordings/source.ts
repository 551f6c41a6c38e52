/**
 * Which recording an embed may play (`?recording=`), and from where. Three forms:
 * - a name (`text-to-video`): this deployment's recording of the model, `/recordings/{model}/{name}.json`
 *   (shipped in public/recordings, or served from RECORDINGS_DIR);
 * - a path on this deployment ending in `.json` (`/recordings/my/run.json`);
 * - an absolute URL on an origin listed in EMBED_ALLOWED_ORIGINS (a docs site serving its own recordings),
 *   over https (plain http only for a loopback address, as on a developer's machine).
 * Nothing else is fetched: the embed's Content-Security-Policy lets it reach that one extra origin only.
 * Browser-safe and dependency-free: the embed page and proxy.ts share it.
 */

export const RECORDING_NAME_RE = /^[a-z0-9][a-z0-9-]{0,63}$/;
const RECORDING_PATH_RE = /^\/(?:[A-Za-z0-9_-][A-Za-z0-9._-]*\/)*[A-Za-z0-9_-][A-Za-z0-9._-]*\.json$/;
const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

export type RecordingSource = { ok: true; url: string; origin: string | null } | { ok: false; message: string };

export const RECORDING_PARAM_MESSAGE =
  "recording must be a recording name (such as text-to-video), a path on this server ending in .json, or an https URL on an origin listed in EMBED_ALLOWED_ORIGINS.";

/** Where to fetch the recording `value` names for `model`: a same-origin path (origin null) or a URL on an allowed origin. */
export function recordingSource(value: string, model: string, allowedOrigins: readonly string[]): RecordingSource {
  if (RECORDING_NAME_RE.test(value)) return { ok: true, url: `/recordings/${model}/${value}.json`, origin: null };
  if (value.startsWith("/") && !value.startsWith("//")) {
    return RECORDING_PATH_RE.test(value) && !value.split("/").includes("..")
      ? { ok: true, url: value, origin: null }
      : { ok: false, message: RECORDING_PARAM_MESSAGE };
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { ok: false, message: RECORDING_PARAM_MESSAGE };
  }
  const secure = url.protocol === "https:" || (url.protocol === "http:" && LOOPBACK.has(url.hostname));
  if (!secure || url.username || url.password || !allowedOrigins.includes(url.origin))
    return { ok: false, message: RECORDING_PARAM_MESSAGE };
  return { ok: true, url: url.href, origin: url.origin };
}

/** Replay speeds a host may ask for (`?speed=`); 1 is the recorded pace. */
export const REPLAY_SPEEDS = [1, 2, 4, 8] as const;

export type ReplayConfig = {
  /** The recording's JSON (relative to the page, or absolute on an allowed origin). */
  url: string;
  speed: number;
  /** Whether "Run it yourself" is offered (the host allows live runs). */
  live: boolean;
  /** Opened by the reader (a click): focus moves to it. Not for a recording the page opens with. */
  focus?: boolean;
};

/** A note names its parameter; its English message is replaced by the page's language where it is shown. */
export type ReplayParams = {
  replay: ReplayConfig | null;
  notes: { param: "recording" | "speed" | "live"; value: string; message: string }[];
};

type Query = Record<string, string | string[] | undefined>;
const read = (q: Query, name: string) => {
  const v = q[name];
  return Array.isArray(v) ? v[0] : v;
};

/** The embed's `recording`, `speed` and `live` parameters; an invalid one is ignored with a note, like the preset's. */
export function parseReplayParams(model: string, query: Query, allowedOrigins: readonly string[]): ReplayParams {
  const notes: ReplayParams["notes"] = [];
  const raw = read(query, "recording");
  const speedRaw = read(query, "speed");
  const liveRaw = read(query, "live");
  let speed = 1;
  if (speedRaw !== undefined) {
    if ((REPLAY_SPEEDS as readonly number[]).includes(Number(speedRaw))) speed = Number(speedRaw);
    else notes.push({ param: "speed", value: speedRaw, message: `speed must be ${REPLAY_SPEEDS.join(", ")}.` });
  }
  let live = true;
  if (liveRaw !== undefined) {
    if (liveRaw === "true" || liveRaw === "false") live = liveRaw === "true";
    else notes.push({ param: "live", value: liveRaw, message: "live must be true or false." });
  }
  if (raw === undefined || raw === "") return { replay: null, notes };
  const source = recordingSource(raw, model, allowedOrigins);
  if (!source.ok) {
    notes.push({ param: "recording", value: raw.length > 60 ? `${raw.slice(0, 60)}…` : raw, message: source.message });
    return { replay: null, notes };
  }
  return { replay: { url: source.url, speed, live }, notes };
}
