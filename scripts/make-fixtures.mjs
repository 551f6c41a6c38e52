#!/usr/bin/env node
/**
 * Regenerates the media fixtures under e2e/fixtures/ with the ffmpeg binary of @ffmpeg-installer/ffmpeg.
 * The files are committed; this script documents (and reproduces) where they come from.
 *
 *   node scripts/make-fixtures.mjs
 *
 * Every fixture is small (< 300 KB) and synthetic: lavfi test sources, flat shapes and DejaVu text.
 *   still.png      1024×768 colourful PNG with "I2V"              (image-to-video)
 *   ref-1..3.jpg   800×800 JPEGs, red / green / blue, "1" "2" "3"  (r2v)
 *   portrait.webp  600×1000 WebP                                  (a portrait WebP input)
 *   source.mp4     4 s 640×360 H.264 25 fps + AAC tone            (video-edit)
 *   source.webm    4 s 640×360 VP8 25 fps, no audio               (video-edit, WebM)
 */
import { spawnSync } from "node:child_process";
import { accessSync, chmodSync, constants, mkdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outDir = join(root, "e2e", "fixtures");
const font = join(root, "lib", "simulator", "assets", "DejaVuSans-Bold.ttf");

/** @type {string} */
const ffmpeg = require("@ffmpeg-installer/ffmpeg").path;
try {
  accessSync(ffmpeg, constants.X_OK);
} catch {
  chmodSync(ffmpeg, 0o755);
}

/** Escapes a value for a filter option inside a filtergraph (both escaping levels of ffmpeg-filters). */
function fv(value) {
  const level1 = value.replace(/[\\':]/g, (c) => `\\${c}`);
  return level1.replace(/[\\'[\],;]/g, (c) => `\\${c}`);
}
const FONT = `fontfile=${fv(font)}`;

function run(name, args) {
  const out = join(outDir, name);
  // bitexact: no encoder version strings or random container IDs, so reruns reproduce the same bytes.
  const res = spawnSync(ffmpeg, ["-hide_banner", "-loglevel", "error", "-y", ...args, "-fflags", "+bitexact", "-flags", "+bitexact", out], {
    encoding: "utf8",
  });
  if (res.status !== 0) {
    console.error(res.stderr);
    throw new Error(`ffmpeg failed for ${name} (exit ${res.status})`);
  }
  const size = statSync(out).size;
  console.log(`${name.padEnd(14)} ${(size / 1024).toFixed(1).padStart(6)} KB`);
  if (size > 300 * 1024) throw new Error(`${name} is ${size} bytes; fixtures must stay under 300 KB`);
}

mkdirSync(outDir, { recursive: true });

// still.png: a flat, colourful "landscape" (sky, sun, hills, houses) with a big "I2V", so pan/zoom is visible.
run("still.png", [
  "-f",
  "lavfi",
  "-i",
  "color=c=0x4FA3E0:s=1024x768",
  "-frames:v",
  "1",
  "-vf",
  [
    "drawbox=x=0:y=430:w=1024:h=338:c=0x3C9A3C:t=fill",
    "drawbox=x=0:y=600:w=1024:h=168:c=0x2E7D32:t=fill",
    "drawbox=x=760:y=70:w=150:h=150:c=0xFFD23F:t=fill",
    "drawbox=x=120:y=330:w=180:h=140:c=0xE4572E:t=fill",
    "drawbox=x=150:y=380:w=40:h=90:c=0x5B3A29:t=fill",
    "drawbox=x=330:y=300:w=140:h=170:c=0xF3A712:t=fill",
    "drawbox=x=600:y=360:w=220:h=110:c=0x8E44AD:t=fill",
    "drawbox=x=0:y=0:w=1024:h=768:c=white:t=12",
    `drawtext=${FONT}:text=I2V:fontsize=200:fontcolor=white:borderw=8:bordercolor=black:x=(w-tw)/2:y=520`,
    "format=rgb24",
  ].join(","),
]);

// ref-1..3.jpg: three clearly different 800×800 images (colour, shape and number all differ).
const refs = [
  { bg: "0xC62828", shape: "drawbox=x=150:y=150:w=500:h=500:c=0xFFEB3B:t=fill", label: "1" },
  { bg: "0x2E7D32", shape: "drawbox=x=0:y=300:w=800:h=200:c=0xFFFFFF:t=fill,drawbox=x=300:y=0:w=200:h=800:c=0xFFFFFF:t=fill", label: "2" },
  { bg: "0x1565C0", shape: "drawbox=x=80:y=80:w=640:h=640:c=0xFF9800:t=60,drawbox=x=240:y=240:w=320:h=320:c=0x00BCD4:t=fill", label: "3" },
];
refs.forEach((r, i) => {
  run(`ref-${i + 1}.jpg`, [
    "-f",
    "lavfi",
    "-i",
    `color=c=${r.bg}:s=800x800`,
    "-frames:v",
    "1",
    "-vf",
    `${r.shape},drawtext=${FONT}:text=${r.label}:fontsize=360:fontcolor=black:borderw=10:bordercolor=white:x=(w-tw)/2:y=(h-th)/2`,
    "-q:v",
    "4",
  ]);
});

// portrait.webp: a tall image (600×1000) from testsrc2 with a label.
run("portrait.webp", [
  "-f",
  "lavfi",
  "-i",
  "testsrc2=s=600x1000",
  "-frames:v",
  "1",
  "-vf",
  `drawtext=${FONT}:text=WebP:fontsize=140:fontcolor=white:borderw=6:bordercolor=black:x=(w-tw)/2:y=h-th-80`,
  "-c:v",
  "libwebp",
  "-quality",
  "70",
]);

// source.mp4: 4 s of moving test pattern at 25 fps (not 24, to exercise the frame-rate conversion) with a tone.
run("source.mp4", [
  "-f",
  "lavfi",
  "-i",
  "testsrc2=s=640x360:r=25:d=4",
  "-f",
  "lavfi",
  "-i",
  "sine=frequency=440:sample_rate=44100:duration=4",
  "-vf",
  `drawtext=${FONT}:text=SOURCE:fontsize=48:fontcolor=white:borderw=3:bordercolor=black:x=20:y=20`,
  "-c:v",
  "libx264",
  "-preset",
  "veryfast",
  "-crf",
  "32",
  "-pix_fmt",
  "yuv420p",
  "-c:a",
  "aac",
  "-b:a",
  "48k",
  "-movflags",
  "+faststart",
]);

// source.webm: the same pattern as VP8 without audio.
run("source.webm", [
  "-f",
  "lavfi",
  "-i",
  "testsrc2=s=640x360:r=25:d=4",
  "-vf",
  `drawtext=${FONT}:text=WEBM:fontsize=48:fontcolor=white:borderw=3:bordercolor=black:x=20:y=20`,
  "-c:v",
  "libvpx",
  "-b:v",
  "300k",
  "-deadline",
  "good",
  "-cpu-used",
  "5",
  "-threads",
  "1",
  "-an",
]);
