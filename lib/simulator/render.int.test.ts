import { copyFile, mkdir, mkdtemp, readdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { probeMedia, runFfmpeg } from "@/lib/simulator/ffmpeg";
import { filterValue, type RenderJob, renderVideo } from "@/lib/simulator/render";
import { probeMp4 } from "@/lib/testing/mp4";

const FIX = join(process.cwd(), "e2e", "fixtures");
const HOSTILE = 'It\'s "quoted" $HOME `ls` \\ 100% a:b\nnew line — Привет 🎬';
const LANDSCAPE = { width: 1280, height: 720 };
const PORTRAIT = { width: 720, height: 1280 };
// Generous per-render limit: the machine may be shared with other test suites.
const RENDER_TIMEOUT = 60_000;

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "render-test-"));
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

function job(partial: Partial<RenderJob> & Pick<RenderJob, "mode">, name: string): RenderJob {
  return {
    model: "nano-banana-2",
    prompt: "A banana surfing a neon wave at sunset, cinematic, slow motion",
    ...LANDSCAPE,
    duration: 6,
    images: [],
    video: null,
    outPath: join(dir, `${name}.mp4`),
    ...partial,
  };
}

async function expectMp4(path: string, want: { width: number; height: number; duration: number }) {
  const info = await probeMp4(path);
  expect(info.codec).toMatch(/^avc1\./);
  expect(info.width).toBe(want.width);
  expect(info.height).toBe(want.height);
  expect(Math.abs(info.durationSeconds - want.duration)).toBeLessThanOrEqual(0.1);
  return info;
}

describe("renderVideo", () => {
  it("text-to-video, 16:9, 6 s", { timeout: RENDER_TIMEOUT }, async () => {
    const j = job({ mode: "text-to-video" }, "t2v-landscape-6");
    const res = await renderVideo(j);
    expect(res).toMatchObject({ width: 1280, height: 720, durationSeconds: 6 });
    expect(res.renderMs).toBeGreaterThan(0);
    await expectMp4(j.outPath, { width: 1280, height: 720, duration: 6 });
  });

  it("text-to-video with a hostile prompt, 9:16, 10 s", { timeout: RENDER_TIMEOUT }, async () => {
    const j = job({ mode: "text-to-video", prompt: HOSTILE, ...PORTRAIT, duration: 10 }, "t2v-hostile");
    const res = await renderVideo(j);
    expect(res.durationSeconds).toBe(10);
    await expectMp4(j.outPath, { width: 720, height: 1280, duration: 10 });
  });

  it("text-to-video of gemini-omni-flash, 1080P 16:9, 4 s", { timeout: RENDER_TIMEOUT }, async () => {
    const j = job({ model: "gemini-omni-flash", mode: "text-to-video", width: 1920, height: 1080, duration: 4 }, "t2v-flash-1080p-4");
    const res = await renderVideo(j);
    expect(res).toMatchObject({ width: 1920, height: 1080, durationSeconds: 4 });
    await expectMp4(j.outPath, { width: 1920, height: 1080, duration: 4 });
  });

  it("image-to-video, 9:16, 10 s, PNG", { timeout: RENDER_TIMEOUT }, async () => {
    const j = job({ mode: "image-to-video", ...PORTRAIT, duration: 10, images: [join(FIX, "still.png")] }, "i2v-portrait-10");
    await renderVideo(j);
    await expectMp4(j.outPath, { width: 720, height: 1280, duration: 10 });
  });

  it("image-to-video with a hostile prompt, 16:9, 6 s", { timeout: RENDER_TIMEOUT }, async () => {
    const j = job({ mode: "image-to-video", prompt: HOSTILE, images: [join(FIX, "still.png")] }, "i2v-hostile");
    await renderVideo(j);
    await expectMp4(j.outPath, { width: 1280, height: 720, duration: 6 });
  });

  it("r2v with 3 JPEG references, 16:9, 10 s", { timeout: RENDER_TIMEOUT }, async () => {
    const images = ["ref-1.jpg", "ref-2.jpg", "ref-3.jpg"].map((f) => join(FIX, f));
    const j = job({ mode: "r2v", duration: 10, images }, "r2v-3-landscape-10");
    const res = await renderVideo(j);
    expect(res.durationSeconds).toBe(10);
    await expectMp4(j.outPath, { width: 1280, height: 720, duration: 10 });
  });

  it("r2v with 1 WebP reference, 9:16, 6 s", { timeout: RENDER_TIMEOUT }, async () => {
    const j = job({ mode: "r2v", ...PORTRAIT, images: [join(FIX, "portrait.webp")] }, "r2v-1-portrait-6");
    await renderVideo(j);
    await expectMp4(j.outPath, { width: 720, height: 1280, duration: 6 });
  });

  it("video-edit follows the 4 s MP4 source (with audio), 16:9", { timeout: RENDER_TIMEOUT }, async () => {
    const j = job(
      { mode: "video-edit", duration: null, video: join(FIX, "source.mp4"), prompt: "Make it look like a rainy night" },
      "edit-mp4",
    );
    const res = await renderVideo(j);
    expect(Math.abs(res.durationSeconds - 4)).toBeLessThanOrEqual(0.1);
    await expectMp4(j.outPath, { width: 1280, height: 720, duration: 4 });
  });

  it("video-edit of a WebM source without audio, 9:16", { timeout: RENDER_TIMEOUT }, async () => {
    const j = job({ mode: "video-edit", ...PORTRAIT, duration: null, video: join(FIX, "source.webm") }, "edit-webm");
    await renderVideo(j);
    await expectMp4(j.outPath, { width: 720, height: 1280, duration: 4 });
  });

  it("video-edit of a WebM whose header has no duration (as browsers record them)", { timeout: RENDER_TIMEOUT }, async () => {
    const src = join(dir, "no-duration.webm");
    // With -live 1 the WebM muxer does not seek back to write the duration, like MediaRecorder output.
    await runFfmpeg([
      "-hide_banner",
      "-loglevel",
      "error",
      "-y",
      "-f",
      "lavfi",
      "-i",
      "testsrc2=s=320x240:r=30:d=2",
      "-c:v",
      "libvpx",
      "-deadline",
      "realtime",
      "-cpu-used",
      "8",
      "-b:v",
      "200k",
      "-f",
      "webm",
      "-live",
      "1",
      "-cluster_time_limit",
      "500",
      src,
    ]);
    const info = await probeMedia(src);
    expect(info).toMatchObject({ hasVideo: true, durationSeconds: null });
    const j = job({ mode: "video-edit", duration: null, video: src }, "edit-noduration");
    const res = await renderVideo(j);
    expect(Math.abs(res.durationSeconds - 2)).toBeLessThanOrEqual(0.1);
    await expectMp4(j.outPath, { width: 1280, height: 720, duration: res.durationSeconds });
  });

  it("leaves only finished files in the output directory", async () => {
    const names = await readdir(dir);
    expect(names.filter((n) => n.includes(".part"))).toEqual([]);
    for (const n of names.filter((x) => x.endsWith(".mp4"))) {
      expect((await stat(join(dir, n))).size).toBeGreaterThan(1000);
    }
  });

  it("rejects an input that is not an image, without leaving an output", async () => {
    const bogus = join(dir, "not-an-image.png");
    await writeFile(bogus, "hello, I am text");
    const j = job({ mode: "image-to-video", images: [bogus] }, "bogus");
    await expect(renderVideo(j)).rejects.toThrow(/unsupported image/);
    await expect(stat(j.outPath)).rejects.toThrow();
  });

  it("rejects a corrupt video with ffmpeg's reason", async () => {
    const bogus = join(dir, "corrupt.mp4");
    await writeFile(bogus, Buffer.alloc(4096, 7));
    const j = job({ mode: "video-edit", duration: null, video: bogus }, "corrupt");
    await expect(renderVideo(j)).rejects.toThrow(/could not read/);
  });
});

describe("runFfmpeg", () => {
  it("rejects with the tail of stderr on a non-zero exit", async () => {
    await expect(runFfmpeg(["-hide_banner", "-i", join(dir, "does-not-exist.mp4")])).rejects.toThrow(
      /exited with code 1[\s\S]*No such file/,
    );
  });

  it("kills ffmpeg and rejects on timeout", async () => {
    const started = Date.now();
    await expect(
      runFfmpeg(["-hide_banner", "-re", "-f", "lavfi", "-i", "testsrc2=r=5", "-f", "null", "-"], { timeoutMs: 300 }),
    ).rejects.toThrow(/timed out after 300 ms/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("rejects when aborted", async () => {
    const ac = new AbortController();
    const p = runFfmpeg(["-hide_banner", "-re", "-f", "lavfi", "-i", "testsrc2=r=5", "-f", "null", "-"], { signal: ac.signal });
    setTimeout(() => ac.abort(), 100);
    await expect(p).rejects.toThrow();
  });
});

describe("filterValue with ffmpeg", () => {
  it("drawtext reads a font and a text file from a directory named with every filtergraph special character", async () => {
    const odd = join(dir, "we'ird: [dir], a;b\\c");
    await mkdir(odd, { recursive: true });
    await copyFile(join(process.cwd(), "lib", "simulator", "assets", "DejaVuSans-Bold.ttf"), join(odd, "f.ttf"));
    await writeFile(join(odd, "t.txt"), HOSTILE);
    await runFfmpeg([
      "-hide_banner",
      "-loglevel",
      "error",
      "-y",
      "-filter_complex",
      `color=s=320x120,trim=end_frame=1,drawtext=fontfile=${filterValue(join(odd, "f.ttf"))}` +
        `:textfile=${filterValue(join(odd, "t.txt"))}:expansion=none:fontsize=16:fontcolor=white[out]`,
      "-map",
      "[out]",
      "-frames:v",
      "1",
      "-f",
      "null",
      "-",
    ]);
  });
});
