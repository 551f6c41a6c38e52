import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "./route";

let root: string;
let outside: string;
beforeAll(() => {
  const base = mkdtempSync(path.join(os.tmpdir(), "recordings-route-"));
  root = path.join(base, "recordings");
  outside = path.join(base, "secret");
  mkdirSync(path.join(root, "docs"), { recursive: true });
  mkdirSync(outside);
  writeFileSync(path.join(root, "docs", "t2v.json"), '{"format":"video-playground.run"}');
  writeFileSync(path.join(root, "docs", "t2v.mp4"), Buffer.from([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70]));
  writeFileSync(path.join(outside, "key.json"), '{"key":"sk-secret"}');
  symlinkSync(path.join(outside, "key.json"), path.join(root, "docs", "link.json"));
  process.env.RECORDINGS_DIR = root;
});
afterAll(() => {
  delete process.env.RECORDINGS_DIR;
  rmSync(path.dirname(root), { recursive: true, force: true });
});

const get = (...segments: string[]) =>
  GET(new Request(`http://app.test/recordings/${segments.join("/")}`), { params: Promise.resolve({ path: segments }) });

describe("GET /recordings/{…path}", () => {
  it("serves a recording and its video from RECORDINGS_DIR with their content types and a cache lifetime", async () => {
    const json = await get("docs", "t2v.json");
    expect(json.status).toBe(200);
    expect(json.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(json.headers.get("cache-control")).toBe("public, max-age=300");
    expect(await json.json()).toEqual({ format: "video-playground.run" });
    const video = await get("docs", "t2v.mp4");
    expect(video.headers.get("content-type")).toBe("video/mp4");
    expect((await video.arrayBuffer()).byteLength).toBe(8);
  });

  it("answers 404 for what is not there, outside the folder (climbing out or through a symlink), or not a recording", async () => {
    for (const segments of [["docs", "missing.json"], ["..", "secret", "key.json"], ["docs", "link.json"], ["docs"], ["docs", "t2v.txt"]]) {
      const res = await get(...segments);
      expect(res.status, segments.join("/")).toBe(404);
      expect(await res.text()).not.toContain("sk-secret");
    }
  });

  it("answers 404 when no RECORDINGS_DIR is configured", async () => {
    delete process.env.RECORDINGS_DIR;
    expect((await get("docs", "t2v.json")).status).toBe(404);
    process.env.RECORDINGS_DIR = root;
  });
});
