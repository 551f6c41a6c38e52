/**
 * The ffmpeg binary of `@ffmpeg-installer/ffmpeg` and a small runner around it.
 *
 * The binary is resolved at run time from node_modules (the package is in next.config.ts
 * `serverExternalPackages`, so it is never bundled). ffmpeg is always spawned with an argument
 * array, never through a shell.
 */
import { spawn } from "node:child_process";
import { accessSync, chmodSync, constants, statSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

let cachedPath: string | null = null;

/** Absolute path of the ffmpeg binary, made executable if npm skipped the package's postinstall. */
export function ffmpegPath(): string {
  if (cachedPath) return cachedPath;
  let path: string;
  try {
    path = (require("@ffmpeg-installer/ffmpeg") as { path: string }).path;
  } catch (err) {
    // The package throws plain strings ("Could not find ffmpeg executable …").
    throw new Error(`ffmpeg is not available: ${err instanceof Error ? err.message : String(err)}`);
  }
  try {
    accessSync(path, constants.X_OK);
  } catch {
    try {
      chmodSync(path, statSync(path).mode | 0o755);
    } catch (err) {
      throw new Error(`ffmpeg at ${path} is not executable and chmod failed: ${(err as Error).message}`);
    }
  }
  cachedPath = path;
  return path;
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
