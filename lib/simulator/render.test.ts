import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  cleanPrompt,
  filterValue,
  fitText,
  jpegOrientation,
  type RenderJob,
  renderVideo,
  singleThreaded,
  textWidth,
} from "@/lib/simulator/render";

const HOSTILE = 'It\'s "quoted" $HOME `ls` \\ 100% a:b\nnew line — Привет 🎬';

function job(partial: Partial<RenderJob> & Pick<RenderJob, "mode">): RenderJob {
  return {
    model: "nano-banana-2",
    prompt: "p",
    width: 1280,
    height: 720,
    duration: 6,
    images: [],
    video: null,
    outPath: join("/nonexistent", "x.mp4"),
    ...partial,
  };
}

describe("renderVideo", () => {
  it("rejects a bad job before running ffmpeg", async () => {
    await expect(renderVideo(job({ mode: "image-to-video", images: [] }))).rejects.toThrow(/exactly 1 image/);
    await expect(renderVideo(job({ mode: "text-to-video", duration: 0 }))).rejects.toThrow(/duration/);
    await expect(renderVideo(job({ mode: "text-to-video", width: 1281 }))).rejects.toThrow(/width/);
  });
});

describe("text layout", () => {
  it("keeps every character of a hostile prompt literal, minus invisible controls", () => {
    expect(cleanPrompt(HOSTILE)).toEqual(['It\'s "quoted" $HOME `ls` \\ 100% a:b', "new line — Привет 🎬"]);
    expect(cleanPrompt("a\u200d\ufe0fb\t\tc\r\n\r\n\r\n\r\nd\u0007")).toEqual(["ab c", "", "d"]);
    expect(cleanPrompt("   \n  ")).toEqual(["(empty prompt)"]);
  });

  it("wraps to the width and shrinks the font before truncating", () => {
    const box = { maxWidth: 600, maxHeight: 300, maxSize: 48, minSize: 20 };
    const short = fitText("Hello world", box);
    expect(short.fontSize).toBe(48);
    expect(short.lines).toEqual(["Hello world"]);

    const long = fitText("word ".repeat(400), box);
    expect(long.truncated).toBe(true);
    expect(long.fontSize).toBe(20);
    expect(long.lines.length * long.lineHeight).toBeLessThanOrEqual(300);
    expect(long.lines[long.lines.length - 1]!.endsWith("…")).toBe(true);
    for (const l of long.lines) expect(textWidth(l, long.fontSize)).toBeLessThanOrEqual(600);

    const unbroken = fitText("W".repeat(300), box);
    for (const l of unbroken.lines) expect(textWidth(l, unbroken.fontSize)).toBeLessThanOrEqual(600);
  });

  it("measures with the font's real advances", () => {
    // DejaVu Sans Bold: "W" is much wider than "i"; Cyrillic is covered.
    expect(textWidth("W", 100)).toBeGreaterThan(2 * textWidth("i", 100));
    expect(textWidth("Привет", 40)).toBeGreaterThan(textWidth("Прив", 40));
  });

  it("escapes filter option values at both filtergraph levels", () => {
    expect(filterValue("/tmp/plain/font.ttf")).toBe("/tmp/plain/font.ttf");
    expect(filterValue("a:b")).toBe("a\\\\:b");
  });

  it("reads the EXIF orientation of a JPEG", () => {
    // SOI, APP1 "Exif\0\0", big-endian TIFF with one IFD entry: Orientation (0x0112) = 6.
    const tiff = Buffer.from([
      0x4d, 0x4d, 0x00, 0x2a, 0x00, 0x00, 0x00, 0x08, 0x00, 0x01, 0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, 0x06, 0x00, 0x00,
      0x00, 0x00, 0x00, 0x00,
    ]);
    const exif = Buffer.concat([Buffer.from("Exif\0\0", "latin1"), tiff]);
    const len = Buffer.alloc(2);
    len.writeUInt16BE(exif.length + 2);
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe1]), len, exif, Buffer.from([0xff, 0xda])]);
    expect(jpegOrientation(jpeg)).toBe(6);
    expect(jpegOrientation(Buffer.from([0xff, 0xd8, 0xff, 0xda]))).toBe(1);
  });
});

describe("singleThreaded", () => {
  it("gives ffmpeg one thread for each input's decoder, the filter graph and the encoder", () => {
    const args = singleThreaded([
      "-y",
      "-f",
      "png_pipe",
      "-i",
      "file:a.png",
      "-i",
      "file:b.mp4",
      "-filter_complex",
      "x",
      "-c:v",
      "libx264",
      "out.mp4",
    ]);
    expect(args.slice(0, 2)).toEqual(["-filter_complex_threads", "1"]);
    const ahead = (flag: string, from = 0) => args.slice(args.indexOf(flag, from) - 2, args.indexOf(flag, from));
    expect(ahead("-i")).toEqual(["-threads", "1"]);
    expect(ahead("-i", args.indexOf("-i") + 1)).toEqual(["-threads", "1"]);
    expect(ahead("-c:v")).toEqual(["-threads", "1"]);
  });
});
