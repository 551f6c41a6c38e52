import { describe, expect, it } from "vitest";
import { parseReplayParams, recordingSource } from "./source";

const ALLOWED = ["https://docs.example.com", "http://127.0.0.1:4700"];

describe("recordingSource", () => {
  it("reads a name as this deployment's recording of the model", () => {
    expect(recordingSource("text-to-video", "nano-banana-2", ALLOWED)).toEqual({
      ok: true,
      url: "/recordings/nano-banana-2/text-to-video.json",
      origin: null,
    });
  });

  it("takes a .json path on this deployment, never one that climbs out or names another host", () => {
    expect(recordingSource("/recordings/mine/r2v.json", "m", ALLOWED)).toMatchObject({
      ok: true,
      url: "/recordings/mine/r2v.json",
      origin: null,
    });
    for (const bad of [
      "/recordings/../etc/passwd.json",
      "/recordings/.hidden.json",
      "//evil.example/x.json",
      "/recordings/x.mp4",
      "/a b.json",
    ])
      expect(recordingSource(bad, "m", ALLOWED).ok, bad).toBe(false);
  });

  it("takes an https URL only on an allowed origin (plain http only on loopback), and returns that origin for the CSP", () => {
    expect(recordingSource("https://docs.example.com/rec/t2v.json", "m", ALLOWED)).toEqual({
      ok: true,
      url: "https://docs.example.com/rec/t2v.json",
      origin: "https://docs.example.com",
    });
    expect(recordingSource("http://127.0.0.1:4700/rec.json", "m", ALLOWED)).toMatchObject({ ok: true, origin: "http://127.0.0.1:4700" });
    for (const bad of [
      "https://other.example.com/rec.json",
      "http://docs.example.com/rec.json",
      "https://user:pw@docs.example.com/rec.json",
      "javascript:alert(1)",
      "data:application/json,{}",
      "Text-To-Video",
    ])
      expect(recordingSource(bad, "m", ALLOWED).ok, bad).toBe(false);
  });
});

describe("parseReplayParams", () => {
  it("reads recording, speed and live, live by default at the recorded pace", () => {
    expect(parseReplayParams("nano-banana-2", { recording: "r2v" }, ALLOWED)).toEqual({
      replay: { url: "/recordings/nano-banana-2/r2v.json", speed: 1, live: true },
      notes: [],
    });
    expect(parseReplayParams("m", { recording: "r2v", speed: "4", live: "false" }, ALLOWED).replay).toMatchObject({
      speed: 4,
      live: false,
    });
  });

  it("ignores an invalid value with a note naming the parameter and what is allowed", () => {
    const r = parseReplayParams("m", { recording: "https://evil.example/x.json", speed: "100", live: "maybe" }, ALLOWED);
    expect(r.replay).toBeNull();
    expect(r.notes.map((n) => n.param)).toEqual(["speed", "live", "recording"]);
    expect(r.notes[0].message).toBe("speed must be 1, 2, 4, 8.");
    expect(r.notes[2].message).toMatch(/EMBED_ALLOWED_ORIGINS/);
  });
});
