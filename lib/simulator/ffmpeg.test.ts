import { describe, expect, it } from "vitest";
import { chooseFfmpeg, ffmpegRank, parseFfmpegVersion } from "./ffmpeg";

describe("which ffmpeg", () => {
  it("reads the version of `ffmpeg -version`", () => {
    expect(parseFfmpegVersion("ffmpeg version 5.1.9-0+deb12u1 Copyright (c) 2000-2026 the FFmpeg developers\n")).toBe("5.1.9-0+deb12u1");
    expect(parseFfmpegVersion("ffmpeg version 20181210-g0e8eb07980 Copyright")).toBe("20181210-g0e8eb07980");
  });

  it("places releases and dated snapshots on one scale", () => {
    expect(ffmpegRank("5.1.9-0+deb12u1")).toBeCloseTo(5.1);
    expect(ffmpegRank("n7.0.2")).toBeCloseTo(7.0);
    expect(ffmpegRank("20181210-g0e8eb07980")).toBeCloseTo(4.1);
    expect(ffmpegRank("N-12345-gabc")).toBe(0);
  });

  it("prefers the system's ffmpeg when it is newer than the bundled 2018 snapshot, and keeps the bundled one otherwise", () => {
    const bundled = { path: "/app/node_modules/@ffmpeg-installer/linux-x64/ffmpeg", version: "20181210-g0e8eb07980" };
    expect(chooseFfmpeg([{ path: "/usr/bin/ffmpeg", version: "5.1.9-0+deb12u1" }, bundled])?.path).toBe("/usr/bin/ffmpeg");
    expect(chooseFfmpeg([{ path: "/usr/bin/ffmpeg", version: "3.4.8" }, bundled])?.path).toBe(bundled.path);
    expect(chooseFfmpeg([bundled])?.path).toBe(bundled.path);
    expect(chooseFfmpeg([])).toBeNull();
  });
});
