import { describe, expect, it } from "vitest";
import { FRAME_SECONDS, SyncController, type SyncMedia } from "./sync-controller";

/**
 * A media element as the controller sees it: setting currentTime fires `seeking` (as a browser does),
 * `advance(dt)` plays time forward at the element's own rate (a drifting decoder is a rate off by a bit),
 * then `tick` fires `timeupdate` (and `ended` at the end) once every element has moved.
 */
class FakeMedia implements SyncMedia {
  private t = 0;
  paused = true;
  playbackRate = 1;
  /** How much faster than asked this element runs (decoder drift). */
  skew = 1;
  private handlers = new Map<string, Set<() => void>>();
  constructor(readonly duration: number) {}
  get currentTime() {
    return this.t;
  }
  set currentTime(v: number) {
    this.t = Math.max(0, Math.min(v, this.duration));
    this.fire("seeking");
  }
  play() {
    this.paused = false;
    return Promise.resolve();
  }
  pause() {
    this.paused = true;
  }
  addEventListener(type: string, fn: () => void) {
    if (!this.handlers.has(type)) this.handlers.set(type, new Set());
    this.handlers.get(type)!.add(fn);
  }
  removeEventListener(type: string, fn: () => void) {
    this.handlers.get(type)?.delete(fn);
  }
  fire(type: string) {
    for (const fn of this.handlers.get(type) ?? []) fn();
  }
  /** Moves time on; returns the events the step causes, fired by `tick` once every element has moved (they play at once). */
  advance(dt: number): string[] {
    if (this.paused) return [];
    this.t = Math.min(this.duration, this.t + dt * this.playbackRate * this.skew);
    if (this.t < this.duration) return ["timeupdate"];
    this.paused = true;
    return ["timeupdate", "ended"];
  }
}

/** Plays all of them forward in steps of 250 ms (Chrome's timeupdate pace). */
function tick(media: FakeMedia[], seconds: number) {
  for (let s = 0; s < seconds; s += 0.25) {
    const events = media.map((m) => m.advance(0.25));
    media.forEach((m, i) => {
      for (const e of events[i]) m.fire(e);
    });
  }
}

function setUp(durations: number[]) {
  const media = durations.map((d) => new FakeMedia(d));
  const sync = new SyncController();
  sync.attach(media);
  return { media, sync };
}

describe("SyncController", () => {
  it("play and pause move every video", () => {
    const { media, sync } = setUp([6, 6, 6]);
    sync.play();
    expect(media.every((m) => !m.paused)).toBe(true);
    sync.pause();
    expect(media.every((m) => m.paused)).toBe(true);
  });

  it("a seek from the controls moves every video to the same time", () => {
    const { media, sync } = setUp([6, 10]);
    sync.seek(3.5);
    expect(media.map((m) => m.currentTime)).toEqual([3.5, 3.5]);
  });

  it("a seek made on one video (its own controls) moves the others, and is not echoed back", () => {
    const { media, sync } = setUp([6, 6, 6, 6]);
    media[2].currentTime = 4.2;
    expect(media.map((m) => m.currentTime)).toEqual([4.2, 4.2, 4.2, 4.2]);
    expect(sync.snapshot().time).toBeCloseTo(4.2);
  });

  it("a follower whose decoder drifts is brought back within a frame of the leader while playing", () => {
    const { media, sync } = setUp([10, 10]);
    media[1].skew = 1.05;
    sync.play();
    for (let i = 0; i < 32; i++) {
      tick(media, 0.25);
      expect(Math.abs(media[1].currentTime - media[0].currentTime)).toBeLessThanOrEqual(FRAME_SECONDS);
    }
    expect(sync.spread()).toBeLessThanOrEqual(FRAME_SECONDS);
  });

  it("without the controller the same drift leaves the two more than a frame apart (the test above can fail)", () => {
    const media = [new FakeMedia(10), new FakeMedia(10)];
    media[1].skew = 1.05;
    for (const m of media) m.play();
    tick(media, 2);
    expect(Math.abs(media[1].currentTime - media[0].currentTime)).toBeGreaterThan(FRAME_SECONDS);
  });

  it("the longest video leads: a shorter one holds its end until the timeline ends, then all loop together", () => {
    const { media, sync } = setUp([4, 6]);
    expect(sync.duration()).toBe(6);
    sync.play();
    tick(media, 5);
    expect(media[0].currentTime).toBe(4);
    expect(media[0].paused).toBe(true);
    expect(media[1].paused).toBe(false);
    tick(media, 1);
    // The 6 s leader ended with loop on: both start again at 0 and play.
    expect(media.map((m) => m.currentTime)).toEqual([0, 0]);
    expect(media.every((m) => !m.paused)).toBe(true);
  });

  it("with loop off, the end of the timeline stops the comparison; play starts it over", () => {
    const { media, sync } = setUp([6, 6]);
    sync.setLoop(false);
    sync.play();
    tick(media, 7);
    expect(sync.snapshot().playing).toBe(false);
    sync.play();
    expect(media.map((m) => m.currentTime)).toEqual([0, 0]);
    expect(media.every((m) => !m.paused)).toBe(true);
  });

  it("speed applies to every video, also to ones attached later", () => {
    const { media, sync } = setUp([6, 6]);
    sync.setRate(0.5);
    expect(media.map((m) => m.playbackRate)).toEqual([0.5, 0.5]);
    const more = [new FakeMedia(6), new FakeMedia(6), new FakeMedia(6)];
    sync.attach(more);
    expect(more.map((m) => m.playbackRate)).toEqual([0.5, 0.5, 0.5]);
    // The first set is no longer listened to.
    media[0].currentTime = 2;
    expect(more[0].currentTime).toBe(0);
  });

  it("tells subscribers the state as it changes", () => {
    const { sync } = setUp([6, 10]);
    const seen: boolean[] = [];
    const off = sync.subscribe((s) => seen.push(s.playing));
    sync.play();
    sync.pause();
    off();
    sync.play();
    expect(seen).toEqual([false, true, false]);
  });
});
