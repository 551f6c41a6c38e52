/**
 * The video renderer of the embedded simulator: turns a job (mode, prompt, frame size, duration, local
 * input files) into a real H.264 MP4 with one ffmpeg run, so the playground can be exercised end to end
 * without the real model.
 *
 * The picture reflects the mode and its inputs:
 *   text-to-video   the prompt on a card over a drifting colour field with bubbles (seeded by the prompt)
 *   image-to-video  the image (exactly, as the first frame), then a slow zoom and drift
 *   r2v             1 reference: a slow centred zoom; 3 references: each in turn, panning, crossfading
 *   video-edit      the source, mirrored and colour-graded (hue shift + contrast)
 * I2V, R2V and Video Edit show the prompt in a caption strip under the picture. Every frame carries
 * the label "nano-banana-2 · <Mode> · simulator".
 *
 * Speed (2-core machines; a 6 s 720p clip costs ≈ 0.7–0.9 s of CPU, ~0.5–0.7 s wall when idle):
 * everything expensive happens once per render, not per frame. Text is drawn onto one frame and
 * looped (drawtext/drawbox per 720p frame cost more than encoding it); the T2V field is computed once
 * at 320×180 and panned with crop (free, and trivial for the encoder's motion search); images are
 * decoded once; opaque panels are composited with hstack/vstack (row copies) instead of overlay.
 * x264 `superfast` without B-frames is what remains: on zooming, detailed pictures it is faster than
 * `ultrafast` (3× fewer bits to write), on flat ones about even, and the files are far smaller.
 *
 * Text never goes through ffmpeg's escaping: each line is written to a file and drawn with
 * `textfile=` and `expansion=none`, so quotes, `%`, `:`, backslashes and the like are literal. Lines
 * are word-wrapped in JS with the real advance widths read from the TTF.
 */
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { copyFile, lstat, mkdir, mkdtemp, open, readdir, rename, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { probeMedia, runFfmpeg } from "@/lib/simulator/ffmpeg";
import { CONTRACT_MODES, type ModeId, modeLabel } from "@/lib/spec/contract";

export type RenderJob = {
  /** The model's name, written in the caption. */
  model: string;
  mode: ModeId;
  /** Any characters: quotes, $, backticks, backslashes, newlines, %, colons, Cyrillic, emoji. */
  prompt: string;
  /** The spec's frame: 1280×720, 720×1280, 1920×1080 (any even size from 64 to 4096 works). */
  width: number;
  height: number;
  /** Seconds; null for video-edit (the output follows the source, capped at 30 s). */
  duration: number | null;
  /** Absolute local paths of the input images (I2V: 1, R2V: 1 or 3). JPEG, PNG or WebP (GIF works too). */
  images: string[];
  /** Absolute local path of the source video (video-edit): MP4, MOV or WebM, with or without audio. */
  video: string | null;
  /** Where to write the .mp4 (written to a sibling temp name, then renamed into place). */
  outPath: string;
};

export type RenderResult = { durationSeconds: number; width: number; height: number; renderMs: number };

export type RenderOptions = {
  /** Abort the render (ffmpeg is killed, temp files removed). */
  signal?: AbortSignal;
  /** Kill ffmpeg after this many ms (default: 60 s plus 100 ms per output frame). */
  timeoutMs?: number;
};

/** Output frame rate. */
export const RENDER_FPS = 24;
/** Video Edit never renders more than this many seconds of the source. */
export const EDIT_MAX_SECONDS = 30;

const FONT_FILE = "DejaVuSans-Bold.ttf";
const ACCENT = "0xFFD23F"; // banana yellow
const CARD_BG = "0x0E1220";
const STRIP_BG = "0x0B0F19";
const IMAGE_MATTE = "0x1A1D26"; // behind transparent pixels of PNG/WebP inputs

// ---------------------------------------------------------------------------------------------------
// Public entry point
// ---------------------------------------------------------------------------------------------------

export async function renderVideo(job: RenderJob, opts: RenderOptions = {}): Promise<RenderResult> {
  const started = performance.now();
  validateJob(job);
  const { width: W, height: H } = job;

  await mkdir(dirname(job.outPath), { recursive: true });
  sweepStale(dirname(job.outPath));
  const tmp = await mkdtemp(join(tmpdir(), TMP_PREFIX));
  const partPath = join(dirname(job.outPath), `.${basename(job.outPath)}.${randomBytes(6).toString("hex")}.part.mp4`);
  try {
    const ctx: GraphContext = { tmp, W, H, font: await stageFont(tmp), files: 0 };

    let frames: number;
    let durationKnown = true;
    let graph: Graph;
    if (job.mode === "video-edit") {
      const src = job.video!;
      const info = await probeMedia(src, { signal: opts.signal, timeoutMs: 30_000 });
      if (!info.hasVideo) throw new Error(`the source has no video stream: ${basename(src)}`);
      const seconds = info.durationSeconds !== null && info.durationSeconds > 0 ? Math.min(info.durationSeconds, EDIT_MAX_SECONDS) : null;
      durationKnown = seconds !== null;
      frames = Math.max(1, Math.round((seconds ?? EDIT_MAX_SECONDS) * RENDER_FPS));
      graph = await editGraph(ctx, job, src, seconds);
    } else {
      frames = Math.round(job.duration! * RENDER_FPS);
      if (job.mode === "text-to-video") graph = await textToVideoGraph(ctx, job, frames);
      else if (job.mode === "image-to-video") graph = await imageToVideoGraph(ctx, job, frames);
      else graph = await r2vGraph(ctx, job, frames);
    }

    const args = [
      "-hide_banner",
      "-nostdin",
      "-loglevel",
      "error",
      "-y",
      ...graph.inputs,
      "-filter_complex",
      graph.filter,
      "-map",
      "[out]",
      "-frames:v",
      String(frames),
      "-r",
      String(RENDER_FPS),
      "-an",
      "-sn",
      "-dn",
      "-map_metadata",
      "-1",
      "-c:v",
      "libx264",
      "-preset",
      "superfast",
      "-bf",
      "0",
      "-crf",
      "27",
      "-pix_fmt",
      "yuv420p",
      "-movflags",
      "+faststart",
      "-f",
      "mp4",
      partPath,
    ];
    await runFfmpeg(singleThreaded(args), { signal: opts.signal, timeoutMs: opts.timeoutMs ?? 60_000 + frames * 100 });

    let durationSeconds = frames / RENDER_FPS;
    if (!durationKnown) {
      // The source did not state its length: read what was actually written.
      const written = await probeMedia(partPath, { signal: opts.signal, timeoutMs: 30_000 });
      if (written.durationSeconds !== null) durationSeconds = written.durationSeconds;
    }
    await rename(partPath, job.outPath);
    return {
      durationSeconds: Math.round(durationSeconds * 1000) / 1000,
      width: W,
      height: H,
      renderMs: Math.round(performance.now() - started),
    };
  } catch (err) {
    await rm(partPath, { force: true }).catch(() => undefined);
    throw err;
  } finally {
    await rm(tmp, { recursive: true, force: true }).catch(() => undefined);
  }
}

/**
 * One thread per render, for decoding, filtering and encoding: without it ffmpeg starts a thread per
 * core for each, and two renders at once take the whole machine from the web server. (Renders also run
 * at a lower priority: lib/simulator/ffmpeg.ts.)
 */
export function singleThreaded(args: readonly string[]): string[] {
  const out = ["-filter_complex_threads", "1"];
  for (const arg of args) {
    if (arg === "-i" || arg === "-c:v") out.push("-threads", "1");
    out.push(arg);
  }
  return out;
}

const TMP_PREFIX = "nb2-render-";
const STALE_MS = 60 * 60 * 1000;
const swept = new Set<string>();

/**
 * Best effort, once per directory and process: removes temp dirs and partial outputs that a killed
 * process (SIGKILL skips `finally`) left behind more than an hour ago. Renders take seconds, so an
 * hour-old leftover is never a live render of another process.
 */
function sweepStale(outDir: string): void {
  const targets: Array<[string, (name: string) => boolean]> = [
    [tmpdir(), (n) => n.startsWith(TMP_PREFIX)],
    [outDir, (n) => n.startsWith(".") && n.endsWith(".part.mp4")],
  ];
  for (const [dir, match] of targets) {
    if (swept.has(dir)) continue;
    swept.add(dir);
    void (async () => {
      const now = Date.now();
      for (const name of await readdir(dir)) {
        if (!match(name)) continue;
        const p = join(dir, name);
        const st = await lstat(p).catch(() => null);
        if (st && now - st.mtimeMs > STALE_MS) await rm(p, { recursive: true, force: true }).catch(() => undefined);
      }
    })().catch(() => undefined);
  }
}

function validateJob(job: RenderJob): void {
  const mode = CONTRACT_MODES.find((m) => m.id === job.mode);
  if (!mode) throw new Error(`unknown mode: ${String(job.mode)}`);
  for (const [name, v] of [
    ["width", job.width],
    ["height", job.height],
  ] as const) {
    if (!Number.isInteger(v) || v < 64 || v > 4096 || v % 2 !== 0) {
      throw new Error(`${name} must be an even integer from 64 to 4096, got ${String(v)}`);
    }
  }
  if (job.mode === "video-edit") {
    if (!job.video) throw new Error("video-edit needs a source video");
  } else {
    const d = job.duration;
    if (typeof d !== "number" || !Number.isFinite(d) || d <= 0 || d > 60) {
      throw new Error(`duration must be a number of seconds in (0, 60], got ${String(d)}`);
    }
    if (Math.round(d * RENDER_FPS) < 2) throw new Error(`duration ${d} s is too short`);
  }
  if (job.mode === "image-to-video" && job.images.length !== 1) {
    throw new Error(`image-to-video needs exactly 1 image, got ${job.images.length}`);
  }
  if (job.mode === "r2v" && (job.images.length < 1 || job.images.length > 3)) {
    throw new Error(`r2v needs 1 to 3 reference images, got ${job.images.length}`);
  }
  if (!job.outPath) throw new Error("outPath is required");
}

// ---------------------------------------------------------------------------------------------------
// Graphs
// ---------------------------------------------------------------------------------------------------

type GraphContext = { tmp: string; W: number; H: number; font: string; files: number };
type Graph = { inputs: string[]; filter: string };

function labelFor(job: RenderJob): string {
  return `${job.model} · ${modeLabel(job.mode)} · simulator`;
}

/** A single generated frame turned into an endless 24 fps stream (pts 0, 1, 2 … in 1/24 s). */
const LOOP = `loop=loop=-1:size=1:start=0,settb=1/${RENDER_FPS},setpts=N`;

/** Scales to cover w×h (keeping the display aspect ratio) and crops the centre. */
function cover(w: number, h: number, flags = "bicubic"): string {
  const r = (w / h).toFixed(6);
  return (
    `scale=w='if(gt(dar,${r}),ceil(${h}*dar/2)*2,${w})':h='if(gt(dar,${r}),${h},ceil(${w}/dar/2)*2)':flags=${flags},` +
    `crop=${w}:${h},setsar=1`
  );
}

function even(n: number): number {
  return Math.max(2, Math.round(n / 2) * 2);
}

/**
 * T2V: a colour field with bubbles, both derived from the prompt (so different prompts give different
 * scenes), drawn once on a canvas twice the frame size; a frame-sized window drifts across it along a
 * Lissajous path. The prompt card is drawn once and laid over every frame.
 */
async function textToVideoGraph(ctx: GraphContext, job: RenderJob, frames: number): Promise<Graph> {
  const { W, H } = ctx;
  const landscape = W >= H;
  const rnd = seededRandom(job.prompt);
  const range = (lo: number, hi: number) => lo + (hi - lo) * rnd();
  const fx = (n: number) => n.toFixed(2);
  // The field: a plasma computed at 320×180 (or 180×320) and scaled to the 2W×2H canvas, once.
  const fw = landscape ? 320 : 180;
  const fh = landscape ? 180 : 320;
  const [a, b, c, d, e, f] = [range(9, 16), range(13, 21), range(9, 15), range(25, 40), range(14, 24), range(0, 6.28)];
  const plasma =
    `geq=r='128+110*sin(X/${fx(a)}+${fx(f)})*cos(Y/${fx(b)})'` +
    `:g='128+110*sin(Y/${fx(c)}+${fx(f + 2)}+X/${fx(d)})'` +
    `:b='128+110*sin((X+Y)/${fx(e)}+${fx(f + 4)})'`;
  const parts: string[] = [
    `nullsrc=s=${fw}x${fh}:r=${RENDER_FPS},trim=end_frame=1,format=gbrp,${plasma},` +
      `scale=${W * 2}:${H * 2}:flags=bilinear,format=yuv420p[f0]`,
  ];
  // Bubbles: soft translucent discs baked into the canvas (a disc mask computed at 64×64, scaled up).
  const palette = ["0xFF4FA0", "0x3DDCFF", "0xFFE14D", "0x7CFF6B", "0xB36BFF", "0xFF8A3D", "0xFFFFFF"];
  const unit = Math.min(W, H);
  const count = 7;
  let last = "f0";
  for (let i = 0; i < count; i++) {
    const size = even(unit * range(0.14, 0.42));
    const x = Math.round(range(0, 2 * W - size));
    const y = Math.round(range(0, 2 * H - size));
    const color = palette[Math.floor(rnd() * palette.length)]!;
    const alpha = Math.round(range(120, 190));
    parts.push(
      `color=c=${color}:s=64x64:r=${RENDER_FPS},trim=end_frame=1,format=yuva420p,` +
        `geq=lum='p(X,Y)':cb='p(X,Y)':cr='p(X,Y)':a='${alpha}*clip((31.5-hypot(X-31.5,Y-31.5))/1.5,0,1)',` +
        `scale=${size}:${size}:flags=bilinear[d${i}]`,
    );
    parts.push(`[${last}][d${i}]overlay=${x}:${y}:format=yuv420[f${i + 1}]`);
    last = `f${i + 1}`;
  }
  const seconds = frames / RENDER_FPS;
  const phase = fx(range(0, 6.28));
  const panX = `(iw-ow)*(0.5+0.5*sin(2*PI*t/${(seconds * 1.15).toFixed(3)}+${phase}))`;
  const panY = `(ih-oh)*(0.5+0.5*sin(2*PI*t/${(seconds * 0.8).toFixed(3)}+${phase}+1))`;
  parts.push(`[${last}]${LOOP},crop=${W}:${H}:x='${panX}':y='${panY}'[bg]`);

  // The card: label + prompt, centred, sized to the text.
  const cardW = even(W * (landscape ? 0.8 : 0.86));
  const pad = Math.round(unit * 0.045);
  const labelSize = Math.round(unit * 0.03);
  const labelGap = Math.round(labelSize * 0.9);
  const maxCardH = Math.round(H * (landscape ? 0.78 : 0.7));
  const block = fitText(job.prompt, {
    maxWidth: cardW - 2 * pad,
    maxHeight: maxCardH - 2 * pad - lineHeight(labelSize) - labelGap,
    maxSize: Math.round(unit * 0.066),
    minSize: Math.round(unit * 0.028),
  });
  const cardH = even(2 * pad + lineHeight(labelSize) + labelGap + block.lines.length * block.lineHeight);
  const card = await textCard(ctx, {
    width: cardW,
    height: cardH,
    bg: CARD_BG,
    border: Math.max(2, Math.round(unit * 0.005)),
    label: labelFor(job),
    labelSize,
    labelGap,
    block,
    pad,
    align: "center",
  });
  parts.push(`${card}[card]`);
  // Composite by stacking crops of the background around the opaque card: row copies instead of
  // overlay's per-pixel blend (3–4× cheaper for a large card).
  const x0 = even((W - cardW) / 2);
  const y0 = even((H - cardH) / 2);
  const right = W - x0 - cardW;
  const bottom = H - y0 - cardH;
  parts.push(
    `[bg]split=4[bgt][bgb][bgl][bgr]`,
    `[bgt]crop=${W}:${y0}:0:0[top]`,
    `[bgb]crop=${W}:${bottom}:0:${y0 + cardH}[bottom]`,
    `[bgl]crop=${x0}:${cardH}:0:${y0}[left]`,
    `[bgr]crop=${right}:${cardH}:${x0 + cardW}:${y0}[right]`,
    `[left][card][right]hstack=inputs=3:shortest=1[middle]`,
    `[top][middle][bottom]vstack=inputs=3:shortest=1,settb=1/${RENDER_FPS},setpts=N[out]`,
  );
  return { inputs: [], filter: parts.join(";") };
}

/** I2V: the image (exactly, as the first frame), then a slow eased zoom-in drifting to one side. */
async function imageToVideoGraph(ctx: GraphContext, job: RenderJob, frames: number): Promise<Graph> {
  const { W } = ctx;
  const strip = await captionStrip(ctx, job);
  const PH = pictureHeight(ctx, strip);
  const img = await imageInput(job.images[0]!, 0, W, PH);
  const p = `(on/${frames - 1})`;
  const ease = `(${p}*${p}*(3-2*${p}))`;
  const zp =
    `zoompan=z='1+0.16*${ease}':x='(iw-iw/zoom)*(0.5+0.35*${ease})':y='(ih-ih/zoom)*(0.5-0.2*${ease})'` +
    `:d=${frames}:s=${W}x${PH}:fps=${RENDER_FPS}`;
  return { inputs: img.args, filter: [`${img.chain},${zp}[v]`, `${strip.filter}[cap]`, stackStrip("v")].join(";") };
}

/**
 * R2V: one reference gets a slow centred zoom; several are shown in turn, each panning across a
 * slightly enlarged copy, with crossfades (alpha fade + overlay; this ffmpeg has no xfade) between
 * them. The timeline is cut into hold and transition segments and concatenated, so only the
 * transition frames pay for blending.
 */
async function r2vGraph(ctx: GraphContext, job: RenderJob, frames: number): Promise<Graph> {
  const { W } = ctx;
  const strip = await captionStrip(ctx, job);
  const PH = pictureHeight(ctx, strip);
  if (job.images.length === 1) {
    const img = await imageInput(job.images[0]!, 0, W, PH);
    const zp =
      `zoompan=z='1+0.22*(on/${frames - 1})':x='iw/2-iw/zoom/2':y='ih/2-ih/zoom/2'` + `:d=${frames}:s=${W}x${PH}:fps=${RENDER_FPS}`;
    return { inputs: img.args, filter: [`${img.chain},${zp}[v]`, `${strip.filter}[cap]`, stackStrip("v")].join(";") };
  }

  const n = job.images.length;
  const X = Math.max(2, Math.min(Math.round(0.75 * RENDER_FPS), Math.floor(frames / (2 * n)))); // crossfade frames
  const L = (frames + (n - 1) * X) / n; // frames each image is visible
  const starts = Array.from({ length: n }, (_, i) => Math.round(i * (L - X)));
  const ends = starts.map((_, i) => (i === n - 1 ? frames : starts[i + 1]! + X));
  const big = { w: even(W * 1.12), h: even(PH * 1.12) };
  const pans = [
    { x: "p", y: "0.5" }, // left → right
    { x: "0.5", y: "1-p" }, // bottom → top
    { x: "1-p", y: "0.5" }, // right → left
  ];
  const inputs: string[] = [];
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    const img = await imageInput(job.images[i]!, i, big.w, big.h);
    inputs.push(...img.args);
    const prog = `clip((t-${(starts[i]! / RENDER_FPS).toFixed(4)})/${((ends[i]! - starts[i]!) / RENDER_FPS).toFixed(4)},0,1)`;
    const pan = pans[i % pans.length]!;
    const uses = (i > 0 ? 1 : 0) + 1 + (i < n - 1 ? 1 : 0);
    const outs = Array.from({ length: uses }, (_, k) => `[i${i}s${k}]`).join("");
    // pts = global frame number (1/24 s), so the pan runs in global time.
    parts.push(
      `${img.chain},loop=loop=-1:size=1:start=0,settb=1/${RENDER_FPS},setpts=N+${starts[i]},` +
        `crop=${W}:${PH}:x='(iw-ow)*${pan.x.replace("p", prog)}':y='(ih-oh)*${pan.y.replace("p", prog)}',` +
        `split=${uses}${outs}`,
    );
  }
  const trim = (label: string, from: number, to: number) => `[${label}]trim=start_pts=${from}:end_pts=${to},setpts=PTS-STARTPTS`;
  const segments: string[] = [];
  for (let i = 0; i < n; i++) {
    let k = 0;
    if (i > 0) {
      // Transition (i-1) → i: the incoming image fades in over the outgoing one.
      const from = starts[i]!;
      const to = ends[i - 1]!;
      parts.push(`${trim(`i${i - 1}s${i - 1 > 0 ? 2 : 1}`, from, to)}[ta${i}]`);
      parts.push(`${trim(`i${i}s${k++}`, from, to)},format=yuva420p,fade=t=in:s=0:n=${to - from}:alpha=1[tb${i}]`);
      parts.push(`[ta${i}][tb${i}]overlay=format=yuv420:shortest=1[t${i}]`);
      segments.push(`[t${i}]`);
    }
    const holdFrom = i > 0 ? ends[i - 1]! : 0;
    const holdTo = i < n - 1 ? starts[i + 1]! : frames;
    parts.push(`${trim(`i${i}s${k++}`, holdFrom, holdTo)},format=yuv420p[h${i}]`);
    segments.push(`[h${i}]`);
  }
  parts.push(`${segments.join("")}concat=n=${segments.length}:v=1:a=0[v]`);
  parts.push(`${strip.filter}[cap]`);
  parts.push(stackStrip("v"));
  return { inputs, filter: parts.join(";") };
}

/** Video Edit: the source at 24 fps, covering the picture, mirrored, hue-shifted and contrast-graded. */
async function editGraph(ctx: GraphContext, job: RenderJob, src: string, seconds: number | null): Promise<Graph> {
  const { W } = ctx;
  const strip = await captionStrip(ctx, job);
  const PH = pictureHeight(ctx, strip);
  // Pad with the last frame when the video stream is shorter than the container says (audio longer).
  const pad = seconds !== null ? `,tpad=stop_mode=clone:stop_duration=${Math.ceil(seconds) + 1}` : "";
  const chain =
    `[0:v:0]fps=${RENDER_FPS},${cover(W, PH, "bilinear")},hflip,hue=h=150:s=1.35,eq=contrast=1.12:brightness=0.02,` +
    `format=yuv420p${pad}[v]`;
  return {
    inputs: ["-t", String(EDIT_MAX_SECONDS), "-i", `file:${src}`],
    filter: [chain, `${strip.filter}[cap]`, stackStrip("v")].join(";"),
  };
}

/** The picture sits above the caption strip; vstack (row copies) is much cheaper than overlay. */
function pictureHeight(ctx: GraphContext, strip: { height: number }): number {
  return ctx.H - strip.height;
}

function stackStrip(video: string): string {
  return `[${video}][cap]vstack=inputs=2:shortest=1,settb=1/${RENDER_FPS},setpts=N[out]`;
}

/** A deterministic PRNG (mulberry32) seeded with an FNV-1a hash of the text. */
function seededRandom(text: string): () => number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  let s = h >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The caption strip of I2V, R2V and Video Edit: label, then the prompt, left-aligned. */
async function captionStrip(ctx: GraphContext, job: RenderJob): Promise<{ filter: string; height: number }> {
  const { W, H } = ctx;
  const unit = Math.min(W, H);
  const pad = Math.round(unit * 0.028);
  const labelSize = Math.round(unit * 0.026);
  const labelGap = Math.round(labelSize * 0.45);
  const maxH = Math.round(H * (W >= H ? 0.3 : 0.24));
  const block = fitText(job.prompt, {
    maxWidth: W - 2 * pad,
    maxHeight: maxH - 2 * pad - lineHeight(labelSize) - labelGap,
    maxSize: Math.round(unit * 0.044),
    minSize: Math.round(unit * 0.026),
  });
  const height = even(2 * pad + lineHeight(labelSize) + labelGap + block.lines.length * block.lineHeight);
  const filter = await textCard(ctx, {
    width: W,
    height,
    bg: STRIP_BG,
    border: 0,
    topRule: Math.max(2, Math.round(unit * 0.004)),
    label: labelFor(job),
    labelSize,
    labelGap,
    block,
    pad,
    align: "left",
  });
  return { filter, height };
}

type CardSpec = {
  width: number;
  height: number;
  bg: string;
  border: number;
  topRule?: number;
  label: string;
  labelSize: number;
  labelGap: number;
  block: TextBlock;
  pad: number;
  align: "left" | "center";
};

/**
 * A text card rendered once (one frame) and looped: drawtext/drawbox run once per render instead of
 * once per frame. Returns a filter chain with no input label, ending unlabelled.
 */
async function textCard(ctx: GraphContext, spec: CardSpec): Promise<string> {
  const f: string[] = [`color=c=${spec.bg}:s=${spec.width}x${spec.height}:r=${RENDER_FPS}`, "trim=end_frame=1", "format=yuv420p"];
  if (spec.border > 0) f.push(`drawbox=x=0:y=0:w=iw:h=ih:c=${ACCENT}:t=${spec.border}`);
  if (spec.topRule) f.push(`drawbox=x=0:y=0:w=iw:h=${spec.topRule}:c=${ACCENT}:t=fill`);
  const font = `fontfile=${filterValue(ctx.font)}`;
  const x = spec.align === "center" ? "(w-text_w)/2" : String(spec.pad);
  const line = async (text: string, size: number, color: string, baseline: number) => {
    const file = join(ctx.tmp, `line-${ctx.files++}.txt`);
    await writeFile(file, text, "utf8");
    f.push(
      `drawtext=${font}:textfile=${filterValue(file)}:expansion=none:fontsize=${size}:fontcolor=${color}` + `:x=${x}:y=${baseline}-ascent`,
    );
  };
  let top = spec.pad;
  // The label never outgrows the prompt text (long prompts shrink to the minimum size).
  const labelSize = Math.min(spec.labelSize, spec.block.fontSize);
  await line(spec.label, labelSize, ACCENT, top + Math.round(spec.labelSize * FONT_ASCENT));
  top += lineHeight(spec.labelSize) + spec.labelGap;
  const { lines, fontSize, lineHeight: lh } = spec.block;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!;
    if (text.trim() !== "") await line(text, fontSize, "white", top + i * lh + Math.round(fontSize * FONT_ASCENT));
  }
  f.push(LOOP);
  return f.join(",");
}

// ---------------------------------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------------------------------

type ImageKind = "png" | "jpeg" | "webp" | "gif";

/**
 * One image input, decoded once: the demuxer is chosen from the file's magic bytes (no filename
 * pattern or extension games), EXIF orientation is applied for JPEGs, the picture covers w×h, and
 * transparent pixels of PNG/WebP/GIF land on a dark matte. Returns the input args and a filter chain
 * (starting at the input's label) producing one yuv420p frame.
 */
async function imageInput(path: string, index: number, w: number, h: number): Promise<{ args: string[]; chain: string }> {
  const head = await readHead(path, 256 * 1024);
  const kind = sniffImage(head);
  if (!kind) throw new Error(`unsupported image (JPEG, PNG or WebP expected): ${basename(path)}`);
  const demuxer = { png: "png_pipe", jpeg: "jpeg_pipe", webp: "webp_pipe", gif: "gif" }[kind];
  const orient = kind === "jpeg" ? orientationFilter(jpegOrientation(head)) : "";
  const base = `[${index}:v:0]${kind === "gif" ? "trim=end_frame=1," : ""}${orient}${cover(w, h)}`;
  if (kind === "jpeg") return { args: ["-f", demuxer, "-i", `file:${path}`], chain: `${base},format=yuv420p` };
  // Flatten possible transparency onto a matte (one frame, so the cost does not matter).
  const chain =
    `${base},format=yuva420p[img${index}];` +
    `color=c=${IMAGE_MATTE}:s=${w}x${h}:r=${RENDER_FPS},trim=end_frame=1,format=yuv420p[matte${index}];` +
    `[matte${index}][img${index}]overlay=0:0:format=yuv420:shortest=1,format=yuv420p`;
  return { args: ["-f", demuxer, "-i", `file:${path}`], chain };
}

async function readHead(path: string, bytes: number): Promise<Buffer> {
  const fh = await open(path, "r");
  try {
    const size = (await fh.stat()).size;
    const buf = Buffer.alloc(Math.min(bytes, size));
    await fh.read(buf, 0, buf.length, 0);
    return buf;
  } finally {
    await fh.close();
  }
}

export function sniffImage(b: Buffer): ImageKind | null {
  if (b.length >= 8 && b.readUInt32BE(0) === 0x89504e47) return "png";
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return "jpeg";
  if (b.length >= 12 && b.toString("latin1", 0, 4) === "RIFF" && b.toString("latin1", 8, 12) === "WEBP") return "webp";
  if (b.length >= 6 && b.toString("latin1", 0, 4) === "GIF8") return "gif";
  return null;
}

/** The EXIF orientation (1–8) of a JPEG from its first bytes; 1 when absent or unreadable. */
export function jpegOrientation(b: Buffer): number {
  try {
    let p = 2;
    while (p + 4 <= b.length) {
      if (b[p] !== 0xff) return 1;
      const marker = b[p + 1]!;
      if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01 || marker === 0xff) {
        p += marker === 0xff ? 1 : 2;
        continue;
      }
      if (marker === 0xda || marker === 0xd9) return 1; // image data: no EXIF before it
      const len = b.readUInt16BE(p + 2);
      if (marker === 0xe1 && b.toString("latin1", p + 4, p + 10) === "Exif\0\0") {
        const t = p + 10;
        const le = b.toString("latin1", t, t + 2) === "II";
        const u16 = (o: number) => (le ? b.readUInt16LE(o) : b.readUInt16BE(o));
        const u32 = (o: number) => (le ? b.readUInt32LE(o) : b.readUInt32BE(o));
        const ifd = t + u32(t + 4);
        const count = u16(ifd);
        for (let i = 0; i < count; i++) {
          const e = ifd + 2 + i * 12;
          if (u16(e) === 0x0112) {
            const v = u16(e + 8);
            return v >= 1 && v <= 8 ? v : 1;
          }
        }
        return 1;
      }
      p += 2 + len;
    }
  } catch {
    // truncated or malformed EXIF: ignore
  }
  return 1;
}

function orientationFilter(o: number): string {
  const f: Record<number, string> = {
    2: "hflip,",
    3: "hflip,vflip,",
    4: "vflip,",
    5: "transpose=0,",
    6: "transpose=1,",
    7: "transpose=3,",
    8: "transpose=2,",
  };
  return f[o] ?? "";
}

/** The font, linked (or copied) into the job's temp dir so the filtergraph path is short and plain. */
async function stageFont(tmp: string): Promise<string> {
  const src = fontPath();
  const dst = join(tmp, "font.ttf");
  try {
    await symlink(src, dst);
  } catch {
    await copyFile(src, dst);
  }
  return dst;
}

let resolvedFont: string | null = null;

function fontPath(): string {
  if (resolvedFont) return resolvedFont;
  const candidates = [join(process.cwd(), "lib", "simulator", "assets", FONT_FILE)];
  try {
    candidates.push(join(dirname(fileURLToPath(import.meta.url)), "assets", FONT_FILE));
  } catch {
    // import.meta.url is not a file: URL in some bundles
  }
  const found = candidates.find((c) => existsSync(c));
  if (!found) throw new Error(`simulator font not found; looked in ${candidates.join(", ")}`);
  resolvedFont = found;
  return found;
}

/**
 * Escapes a value for use as a filter option inside a -filter_complex graph: first the option level
 * (`\ ' :`), then the graph level (`\ ' [ ] , ;`), as described in ffmpeg-filters "Notes on
 * filtergraph escaping".
 */
export function filterValue(value: string): string {
  const level1 = value.replace(/[\\':]/g, (c) => `\\${c}`);
  return level1.replace(/[\\'[\],;]/g, (c) => `\\${c}`);
}

// ---------------------------------------------------------------------------------------------------
// Text layout: real advance widths from the TTF (cmap + hmtx), greedy word wrap, size fitting
// ---------------------------------------------------------------------------------------------------

/** DejaVu Sans Bold vertical metrics (hhea), in em. */
const FONT_ASCENT = 0.93;
const LINE_HEIGHT = 1.24;

export function lineHeight(size: number): number {
  return Math.round(size * LINE_HEIGHT);
}

type FontMetrics = { advance: (codePoint: number) => number };
let metrics: FontMetrics | null = null;

function fontMetrics(): FontMetrics {
  if (metrics) return metrics;
  try {
    metrics = parseTtfAdvances(readFileSync(fontPath()));
  } catch {
    // Fall back to a generous average so wrapping errs on the narrow side.
    metrics = { advance: (cp) => (cp === 0x20 ? 0.35 : cp >= 0x2e80 ? 1.0 : 0.72) };
  }
  return metrics;
}

/** Advance widths (in em) per code point from a TrueType font's cmap (format 4 or 12) and hmtx. */
export function parseTtfAdvances(buf: Buffer): FontMetrics {
  const numTables = buf.readUInt16BE(4);
  const tables = new Map<string, number>();
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + i * 16;
    tables.set(buf.toString("latin1", rec, rec + 4), buf.readUInt32BE(rec + 8));
  }
  const head = tables.get("head");
  const hhea = tables.get("hhea");
  const hmtx = tables.get("hmtx");
  const cmap = tables.get("cmap");
  if (head === undefined || hhea === undefined || hmtx === undefined || cmap === undefined) {
    throw new Error("not a TrueType font with head/hhea/hmtx/cmap");
  }
  const unitsPerEm = buf.readUInt16BE(head + 18);
  const numHMetrics = buf.readUInt16BE(hhea + 34);
  const glyphAdvance = (g: number) => buf.readUInt16BE(hmtx + 4 * Math.min(g, numHMetrics - 1)) / unitsPerEm;

  // Prefer a full-repertoire subtable (3,10 / 0,4 format 12), then BMP (3,1 / 0,3 format 4).
  const n = buf.readUInt16BE(cmap + 2);
  let best: { offset: number; format: number } | null = null;
  for (let i = 0; i < n; i++) {
    const rec = cmap + 4 + i * 8;
    const platform = buf.readUInt16BE(rec);
    const encoding = buf.readUInt16BE(rec + 2);
    const offset = cmap + buf.readUInt32BE(rec + 4);
    const format = buf.readUInt16BE(offset);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode || (format !== 4 && format !== 12)) continue;
    if (!best || (format === 12 && best.format === 4)) best = { offset, format };
  }
  if (!best) throw new Error("no Unicode cmap");
  const glyphOf = best.format === 12 ? cmap12(buf, best.offset) : cmap4(buf, best.offset);
  const cache = new Map<number, number>();
  return {
    advance(cp: number) {
      let a = cache.get(cp);
      if (a === undefined) {
        a = glyphAdvance(glyphOf(cp));
        cache.set(cp, a);
      }
      return a;
    },
  };
}

function cmap4(buf: Buffer, o: number): (cp: number) => number {
  const segX2 = buf.readUInt16BE(o + 6);
  const ends = o + 14;
  const starts = ends + segX2 + 2;
  const deltas = starts + segX2;
  const ranges = deltas + segX2;
  return (cp) => {
    if (cp > 0xffff) return 0;
    for (let s = 0; s < segX2; s += 2) {
      if (cp > buf.readUInt16BE(ends + s)) continue;
      const start = buf.readUInt16BE(starts + s);
      if (cp < start) return 0;
      const delta = buf.readInt16BE(deltas + s);
      const ro = buf.readUInt16BE(ranges + s);
      if (ro === 0) return (cp + delta) & 0xffff;
      const g = buf.readUInt16BE(ranges + s + ro + 2 * (cp - start));
      return g === 0 ? 0 : (g + delta) & 0xffff;
    }
    return 0;
  };
}

function cmap12(buf: Buffer, o: number): (cp: number) => number {
  const groups = buf.readUInt32BE(o + 12);
  return (cp) => {
    let lo = 0;
    let hi = groups - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const g = o + 16 + mid * 12;
      const start = buf.readUInt32BE(g);
      const end = buf.readUInt32BE(g + 4);
      if (cp < start) hi = mid - 1;
      else if (cp > end) lo = mid + 1;
      else return buf.readUInt32BE(g + 8) + (cp - start);
    }
    return 0;
  };
}

/** Width in pixels of a line at a font size (hinted advances round to whole pixels). */
export function textWidth(text: string, size: number): number {
  const m = fontMetrics();
  let w = 0;
  for (const ch of text) w += Math.round(m.advance(ch.codePointAt(0)!) * size);
  return w;
}

/**
 * Makes a prompt drawable: NFC, unified newlines, tabs and other spaces as plain spaces, control and
 * invisible formatting characters (ZWJ, variation selectors, bidi controls, BOM) removed, runs of
 * blank lines collapsed. Returns paragraphs.
 */
export function cleanPrompt(prompt: string): string[] {
  const text = prompt
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .replace(/[\t\v\f\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/g, " ")
    // biome-ignore lint/suspicious/noControlCharactersInRegex lint/suspicious/noMisleadingCharacterClass: the invisible characters to drop, each on its own
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufe00-\ufe0f\ufeff]/g, "")
    .replace(/[\u{e0000}-\u{e01ef}]/gu, "");
  const paragraphs = text.split("\n").map((l) => l.replace(/ {2,}/g, " ").trim());
  const out: string[] = [];
  for (const p of paragraphs) {
    if (p === "" && (out.length === 0 || out[out.length - 1] === "")) continue;
    out.push(p);
  }
  while (out.length > 0 && out[out.length - 1] === "") out.pop();
  return out.length > 0 ? out : ["(empty prompt)"];
}

/** Greedy word wrap of paragraphs to maxWidth at a font size; words wider than a line are split. */
export function wrapText(paragraphs: string[], maxWidth: number, size: number): string[] {
  const lines: string[] = [];
  const space = textWidth(" ", size);
  for (const para of paragraphs) {
    if (para === "") {
      lines.push("");
      continue;
    }
    let line = "";
    let lineW = 0;
    for (const word of para.split(" ")) {
      if (word === "") continue;
      let w = textWidth(word, size);
      if (line !== "" && lineW + space + w <= maxWidth) {
        line += ` ${word}`;
        lineW += space + w;
        continue;
      }
      if (line !== "") lines.push(line);
      line = "";
      lineW = 0;
      let rest = word;
      while (w > maxWidth) {
        // Split an over-long word at the last code point that fits.
        let piece = "";
        let pw = 0;
        for (const ch of rest) {
          const cw = textWidth(ch, size);
          if (piece !== "" && pw + cw > maxWidth) break;
          piece += ch;
          pw += cw;
        }
        lines.push(piece);
        rest = rest.slice(piece.length);
        w = textWidth(rest, size);
      }
      line = rest;
      lineW = w;
    }
    if (line !== "") lines.push(line);
  }
  return lines;
}

export type TextBlock = { lines: string[]; fontSize: number; lineHeight: number; truncated: boolean };

/**
 * The largest font size (between minSize and maxSize) at which the wrapped prompt fits the box; at
 * minSize, the lines that do not fit are dropped and the last kept line ends with an ellipsis.
 */
export function fitText(prompt: string, box: { maxWidth: number; maxHeight: number; maxSize: number; minSize: number }): TextBlock {
  const paragraphs = cleanPrompt(prompt);
  const maxWidth = Math.floor(box.maxWidth * 0.98); // slack for hinting/kerning differences
  for (let size = box.maxSize; size > box.minSize; size = Math.min(size - 1, Math.floor(size * 0.93))) {
    const lines = wrapText(paragraphs, maxWidth, size);
    if (lines.length * lineHeight(size) <= box.maxHeight) {
      return { lines, fontSize: size, lineHeight: lineHeight(size), truncated: false };
    }
  }
  const size = box.minSize;
  const lh = lineHeight(size);
  const lines = wrapText(paragraphs, maxWidth, size);
  const max = Math.max(1, Math.floor(box.maxHeight / lh));
  if (lines.length <= max) return { lines, fontSize: size, lineHeight: lh, truncated: false };
  const kept = lines.slice(0, max);
  let last = kept[max - 1]!.replace(/\s+$/, "");
  while (last !== "" && textWidth(`${last}…`, size) > maxWidth) last = Array.from(last).slice(0, -1).join("").replace(/\s+$/, "");
  kept[max - 1] = `${last}…`;
  return { lines: kept, fontSize: size, lineHeight: lh, truncated: true };
}
