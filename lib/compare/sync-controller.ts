/**
 * One set of controls for 2–4 videos: play, pause, seek, speed and loop move all of them, and they stay
 * within one frame of each other. Framework-free (it sees only the few members of HTMLMediaElement it
 * uses), so it is unit-tested with fake media elements.
 *
 * The timeline is the longest video's: it leads, and the others follow it. A shorter clip plays to its
 * end and holds its last frame until the timeline ends. A seek made on any one video (its own controls,
 * a script) moves the others to the same time; seeks the controller makes itself are not echoed back.
 */

/** The members of HTMLMediaElement the controller uses. */
export type SyncMedia = {
  currentTime: number;
  readonly duration: number;
  readonly paused: boolean;
  playbackRate: number;
  play(): Promise<void> | void;
  pause(): void;
  addEventListener(type: string, listener: () => void): void;
  removeEventListener(type: string, listener: () => void): void;
};

/** One frame at 24 fps: the contract's clips and the most common frame rate of generated video. */
export const FRAME_SECONDS = 1 / 24;

/** Drift above this is corrected by moving the follower (half a frame, so the two never show different frames for long). */
const DRIFT_SECONDS = FRAME_SECONDS / 2;

export type SyncState = { playing: boolean; time: number; duration: number; rate: number; loop: boolean };

const finite = (n: number) => (Number.isFinite(n) && n > 0 ? n : 0);

export class SyncController {
  private media: SyncMedia[] = [];
  private cleanups: (() => void)[] = [];
  /** Times the controller itself asked each video to seek to (a `seeking` at that time is ours, not the user's). */
  private expected = new Map<SyncMedia, number>();
  private listeners = new Set<(state: SyncState) => void>();
  private state: SyncState = { playing: false, time: 0, duration: 0, rate: 1, loop: true };

  /** Starts controlling `media` (in display order); replaces any earlier set. */
  attach(media: readonly SyncMedia[]): void {
    this.detach();
    this.media = [...media];
    for (const m of this.media) {
      const on = (type: string, fn: () => void) => {
        m.addEventListener(type, fn);
        this.cleanups.push(() => m.removeEventListener(type, fn));
      };
      on("loadedmetadata", () => this.emit());
      on("seeking", () => this.onSeeking(m));
      on("timeupdate", () => this.onTimeUpdate(m));
      on("ended", () => this.onEnded(m));
      m.playbackRate = this.state.rate;
    }
    this.emit();
  }

  detach(): void {
    for (const c of this.cleanups) c();
    this.cleanups = [];
    this.media = [];
    this.expected.clear();
  }

  subscribe(listener: (state: SyncState) => void): () => void {
    this.listeners.add(listener);
    listener(this.snapshot());
    return () => this.listeners.delete(listener);
  }

  snapshot(): SyncState {
    return { ...this.state, time: this.leader()?.currentTime ?? this.state.time, duration: this.duration() };
  }

  /** The length of the timeline: the longest video's. */
  duration(): number {
    return Math.max(0, ...this.media.map((m) => finite(m.duration)));
  }

  /** The video the others follow: the longest (the first while none knows its length). */
  leader(): SyncMedia | undefined {
    let best = this.media[0];
    for (const m of this.media) if (finite(m.duration) > finite(best.duration)) best = m;
    return best;
  }

  play(): void {
    const time = this.leader()?.currentTime ?? 0;
    // Played to the end: start over, as a single player does.
    if (this.duration() > 0 && time >= this.duration() - FRAME_SECONDS / 2) this.seek(0);
    this.state.playing = true;
    this.align();
    this.resume(this.leader()?.currentTime ?? 0);
    this.emit();
  }

  pause(): void {
    this.state.playing = false;
    for (const m of this.media) m.pause();
    this.align();
    this.emit();
  }

  /** Moves every video to `time` (clamped to each one's length). */
  seek(time: number): void {
    const t = Math.max(0, Math.min(time, this.duration() || time));
    for (const m of this.media) this.moveTo(m, t);
    this.state.time = t;
    this.resume(t);
    this.emit();
  }

  /** While playing, every video that has something to show at `t` plays (one that had ended starts again). */
  private resume(t: number): void {
    if (!this.state.playing) return;
    for (const m of this.media) if (m.paused && !this.pastEnd(m, t)) void Promise.resolve(m.play()).catch(() => {});
  }

  setRate(rate: number): void {
    this.state.rate = rate;
    for (const m of this.media) m.playbackRate = rate;
    this.emit();
  }

  setLoop(loop: boolean): void {
    this.state.loop = loop;
    this.emit();
  }

  /** The greatest distance, in seconds, between any video and the leader (videos past their end excluded). */
  spread(): number {
    const t = this.leader()?.currentTime ?? 0;
    return Math.max(0, ...this.media.filter((m) => !this.pastEnd(m, t)).map((m) => Math.abs(m.currentTime - t)));
  }

  private pastEnd(m: SyncMedia, t: number): boolean {
    const d = finite(m.duration);
    return d > 0 && t >= d;
  }

  private moveTo(m: SyncMedia, t: number): void {
    const d = finite(m.duration);
    const target = d > 0 ? Math.min(t, d) : t;
    if (Math.abs(m.currentTime - target) < 1e-3) return;
    this.expected.set(m, target);
    m.currentTime = target;
  }

  /** Followers that drifted from the leader by more than half a frame are moved back onto it. */
  private align(): void {
    const leader = this.leader();
    if (!leader) return;
    const t = leader.currentTime;
    for (const m of this.media) {
      if (m === leader) continue;
      if (this.pastEnd(m, t)) {
        if (!m.paused) m.pause();
        continue;
      }
      if (Math.abs(m.currentTime - t) > DRIFT_SECONDS) this.moveTo(m, t);
    }
  }

  private onSeeking(m: SyncMedia): void {
    const expected = this.expected.get(m);
    if (expected !== undefined && Math.abs(m.currentTime - expected) < 1e-3) {
      this.expected.delete(m);
      return;
    }
    this.expected.delete(m);
    // A seek on this video from outside the controller: every other one follows.
    const t = m.currentTime;
    for (const other of this.media) if (other !== m) this.moveTo(other, t);
    this.state.time = t;
    this.resume(t);
    this.emit();
  }

  private onTimeUpdate(m: SyncMedia): void {
    if (m !== this.leader()) return;
    if (this.state.playing) this.align();
    this.emit();
  }

  private onEnded(m: SyncMedia): void {
    if (m !== this.leader()) return;
    if (this.state.loop && this.state.playing) {
      this.seek(0);
    } else {
      this.state.playing = false;
      this.emit();
    }
  }

  private emit(): void {
    const s = this.snapshot();
    for (const l of this.listeners) l(s);
  }
}
