/**
 * The ffmpeg binary and a small runner around it.
 *
 * Which binary: FFMPEG_PATH when set; otherwise the newer of the system's ffmpeg (/usr/bin, /usr/local/bin)
 * and the bundled one of `@ffmpeg-installer/ffmpeg` (a 2018 snapshot, kept as the fallback where no
 * system ffmpeg exists). ffmpeg parses untrusted media (uploads, downloaded URLs): a maintained,
 * security-patched build is worth more than a pinned old one. The bundled package is resolved at run time
 * from node_modules (it is in next.config.ts `serverExternalPackages`, so it is never bundled).
 *
 * ffmpeg is always spawned with an argument array, never through a shell, at a lower CPU priority
 * (nice 10) so that renders never starve the web server of the same machine.
 */
import { execFileSync, spawn } from "node:child_process";
import { accessSync, chmodSync, constants, existsSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { setPriority } from "node:os";

const require = createRequire(import.meta.url);

let cachedPath: string | null = null;

/** The CPU priority ffmpeg runs at (a nice value: higher is lower priority). */
export const FFMPEG_NICE = 10;

/** System locations looked at for a maintained ffmpeg. */
const SYSTEM_FFMPEG = ["/usr/bin/ffmpeg", "/usr/local/bin/ffmpeg"];

/** Release dates of ffmpeg versions, to place a dated git snapshot (the bundled `20181210-g…`) among releases. */
const RELEASES: [date: number, version: number][] = [
  [20180420, 4.0],
  [20181106, 4.1],
  [20190805, 4.2],
  [20200615, 4.3],
  [20210408, 4.4],
  [20220114, 5.0],
  [20220722, 5.1],
  [20230227, 6.0],
  [20231110, 6.1],
  [20240405, 7.0],
  [20240930, 7.1],
  [20250822, 8.0],
];

/**
 * How recent an `ffmpeg -version` string is, as a release number: `5.1.9-0+deb12u1` → 5.1, a dated
 * snapshot `20181210-g0e8eb07980` → the last release before it (4.1), `N-…` or unknown → 0.
 */
export function ffmpegRank(version: string): number {
  const release = /^n?(\d+)\.(\d+)/.exec(version);
  if (release) return Number(release[1]) + Number(release[2]) / 10;
  const dated = /^(\d{8})-/.exec(version);
  if (dated) {
    const day = Number(dated[1]);
    let rank = 0;
    for (const [date, v] of RELEASES) if (date <= day) rank = v;
    return rank;
  }
  return 0;
}

/** The version word of `ffmpeg -version`'s first line (`ffmpeg version 5.1.9-0+deb12u1 Copyright …`). */
export function parseFfmpegVersion(output: string): string {
  return /ffmpeg version (\S+)/.exec(output)?.[1] ?? "unknown";
}

/** Picks the newest candidate; on a tie the earlier one (the system's come first). */
export function chooseFfmpeg(candidates: readonly { path: string; version: string }[]): { path: string; version: string } | null {
  let best: { path: string; version: string } | null = null;
  for (const c of candidates) if (!best || ffmpegRank(c.version) > ffmpegRank(best.version)) best = c;
  return best;
}

function bundledPath(): string | null {
  let path: string;
  try {
    path = (require("@ffmpeg-installer/ffmpeg") as { path: string }).path;
  } catch {
    return null;
  }
  try {
    accessSync(path, constants.X_OK);
  } catch {
    try {
      chmodSync(path, statSync(path).mode | 0o755);
    } catch {
      return null;
    }
  }
  return path;
}

function versionOf(bin: string): string | null {
  try {
    return parseFfmpegVersion(execFileSync(bin, ["-version"], { encoding: "utf8", timeout: 10_000, stdio: ["ignore", "pipe", "ignore"] }));
  } catch {
    return null;
  }
}

/** Absolute path of the ffmpeg binary used (FFMPEG_PATH, else the newer of the system's and the bundled one). */
export function ffmpegPath(): string {
  if (cachedPath) return cachedPath;
  const forced = process.env.FFMPEG_PATH?.trim();
  if (forced) {
    cachedPath = forced;
    return forced;
  }
  const candidates: { path: string; version: string }[] = [];
  for (const bin of SYSTEM_FFMPEG) {
    const version = existsSync(bin) ? versionOf(bin) : null;
    if (version) candidates.push({ path: bin, version });
  }
  const bundled = bundledPath();
  if (bundled) candidates.push({ path: bundled, version: versionOf(bundled) ?? "unknown" });
  const chosen = chooseFfmpeg(candidates);
  if (!chosen) throw new Error("ffmpeg is not available: install it (apt-get install ffmpeg) or set FFMPEG_PATH");
  cachedPath = chosen.path;
  return chosen.path;
}

export type RunFfmpegOptions = {
  /** Kill ffmpeg and reject after this many ms (default 120 000). */
  timeoutMs?: number;
  signal?: AbortSignal;
};

export type FfmpegOutput = {
  /** Exit code (null when killed by a signal). */
  code: number | null;
  /** The last ~4 KB of stderr. */
  stderr: string;
  stdout: string;
};

const STDERR_KEEP = 4096;
const STDOUT_KEEP = 64 * 1024;

/**
 * Runs ffmpeg and resolves with its exit code and output tail whatever the exit code is; rejects only
 * when it cannot be started, times out or is aborted. `runFfmpeg` is the strict variant.
 */
export function execFfmpeg(args: string[], opts: RunFfmpegOptions = {}): Promise<FfmpegOutput> {
  const timeoutMs = opts.timeoutMs ?? 120_000;
  const bin = ffmpegPath();
  return new Promise<FfmpegOutput>((resolve, reject) => {
    if (opts.signal?.aborted) {
      reject(abortError(opts.signal));
      return;
    }
    const child = spawn(bin, args, { stdio: ["ignore", "pipe", "pipe"], shell: false, windowsHide: true });
    // A lower priority than the web server's: a queue of renders must not slow every page and poll.
    if (child.pid !== undefined) {
      try {
        setPriority(child.pid, FFMPEG_NICE);
      } catch {
        // not permitted here: ffmpeg still runs single-threaded
      }
    }
    let stderr = "";
    let stdout = "";
    let done = false;
    let killedFor: "timeout" | "abort" | null = null;

    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (chunk: string) => {
      stderr += chunk;
      if (stderr.length > STDERR_KEEP * 2) stderr = stderr.slice(-STDERR_KEEP);
    });
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      stdout += chunk;
      if (stdout.length > STDOUT_KEEP * 2) stdout = stdout.slice(-STDOUT_KEEP);
    });

    const kill = (why: "timeout" | "abort") => {
      if (done || killedFor) return;
      killedFor = why;
      child.kill("SIGKILL");
    };
    const timer = setTimeout(() => kill("timeout"), timeoutMs);
    const onAbort = () => kill("abort");
    opts.signal?.addEventListener("abort", onAbort, { once: true });

    const finish = () => {
      done = true;
      clearTimeout(timer);
      opts.signal?.removeEventListener("abort", onAbort);
    };

    child.on("error", (err) => {
      if (done) return;
      finish();
      reject(new Error(`could not start ffmpeg (${bin}): ${err.message}`));
    });
    child.on("close", (code, signal) => {
      if (done) return;
      finish();
      const tail = stderr.slice(-STDERR_KEEP);
      if (killedFor === "timeout") {
        reject(new Error(`ffmpeg timed out after ${timeoutMs} ms and was killed${tail ? `:\n${tail.trim()}` : ""}`));
      } else if (killedFor === "abort") {
        reject(abortError(opts.signal));
      } else if (code === null) {
        reject(new Error(`ffmpeg was killed by ${signal ?? "a signal"}${tail ? `:\n${tail.trim()}` : ""}`));
      } else {
        resolve({ code, stderr: tail, stdout: stdout.slice(-STDOUT_KEEP) });
      }
    });
  });
}

/** Runs ffmpeg; rejects with the tail of its stderr on a non-zero exit, on timeout (killed) or abort. */
export async function runFfmpeg(args: string[], opts: RunFfmpegOptions = {}): Promise<void> {
  const out = await execFfmpeg(args, opts);
  if (out.code !== 0) {
    const tail = out.stderr.trim();
    throw new Error(`ffmpeg exited with code ${out.code}${tail ? `:\n${tail}` : " (no stderr)"}`);
  }
}

export type MediaInfo = {
  /** Container duration in seconds; null when the container does not say (e.g. some WebM recordings). */
  durationSeconds: number | null;
  hasVideo: boolean;
  /** Coded size of the first video stream, when ffmpeg prints one. */
  width: number | null;
  height: number | null;
};

/**
 * Reads a media file's duration and first video stream size from `ffmpeg -i` (which exits non-zero
 * because no output is given; that is expected). Rejects when ffmpeg cannot open or parse the file.
 */
export async function probeMedia(path: string, opts: RunFfmpegOptions = {}): Promise<MediaInfo> {
  const out = await execFfmpeg(["-hide_banner", "-nostdin", "-i", `file:${path}`], opts);
  const text = out.stderr;
  const inputLine = /Input #0,/.test(text);
  if (!inputLine) {
    const last = text.trim().split("\n").slice(-2).join(" ").trim();
    throw new Error(`ffmpeg could not read ${path}${last ? `: ${last}` : ""}`);
  }
  let durationSeconds: number | null = null;
  const d = /Duration:\s*(\d+):(\d{2}):(\d{2}(?:\.\d+)?)/.exec(text);
  if (d) durationSeconds = Number(d[1]) * 3600 + Number(d[2]) * 60 + Number(d[3]);
  const videoLine = text.split("\n").find((l) => /Stream #\d+:\d+.*: Video:/.test(l)) ?? null;
  let width: number | null = null;
  let height: number | null = null;
  if (videoLine) {
    const s = /,\s*(\d{2,5})x(\d{2,5})[\s,[]/.exec(videoLine);
    if (s) {
      width = Number(s[1]);
      height = Number(s[2]);
    }
  }
  return { durationSeconds, hasVideo: videoLine !== null, width, height };
}

function abortError(signal?: AbortSignal): Error {
  const reason: unknown = signal?.reason;
  if (reason instanceof Error) return reason;
  const err = new Error(typeof reason === "string" ? reason : "ffmpeg was aborted");
  err.name = "AbortError";
  return err;
}
