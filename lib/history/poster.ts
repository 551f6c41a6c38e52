/**
 * A poster frame for the history: one frame of the run's video, drawn on a canvas and encoded as a
 * small WebP (JPEG where the browser cannot encode WebP), with the size and length the browser measured.
 * Browser only. Resolves null when the video cannot play or the frame cannot be read (a cross-origin
 * video without CORS taints the canvas).
 */
export type Poster = { blob: Blob; width: number; height: number; duration: number };

const POSTER_WIDTH = 240;

function once(target: EventTarget, ok: string, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const done = (value: boolean) => {
      clearTimeout(timer);
      target.removeEventListener(ok, onOk);
      target.removeEventListener("error", onError);
      resolve(value);
    };
    const onOk = () => done(true);
    const onError = () => done(false);
    const timer = setTimeout(() => done(false), timeoutMs);
    target.addEventListener(ok, onOk);
    target.addEventListener("error", onError);
  });
}

function encode(canvas: HTMLCanvasElement, type: string): Promise<Blob | null> {
  return new Promise((resolve) => canvas.toBlob((blob) => resolve(blob), type, 0.72));
}

/** Takes a frame a little into the video (its first frame is often black), at most 240 px wide. */
export async function capturePoster(url: string, timeoutMs = 15_000): Promise<Poster | null> {
  const video = document.createElement("video");
  video.muted = true;
  video.playsInline = true;
  video.preload = "auto";
  video.crossOrigin = "anonymous";
  video.src = url;
  try {
    if (!(await once(video, "loadeddata", timeoutMs))) return null;
    const duration = Number.isFinite(video.duration) ? video.duration : 0;
    const at = Math.min(1, duration / 4);
    if (at > 0) {
      video.currentTime = at;
      if (!(await once(video, "seeked", timeoutMs))) return null;
    }
    const width = video.videoWidth;
    const height = video.videoHeight;
    if (!width || !height) return null;
    const canvas = document.createElement("canvas");
    canvas.width = Math.min(POSTER_WIDTH, width);
    canvas.height = Math.round((canvas.width / width) * height);
    canvas.getContext("2d")?.drawImage(video, 0, 0, canvas.width, canvas.height);
    const webp = await encode(canvas, "image/webp");
    const blob = webp?.type === "image/webp" ? webp : await encode(canvas, "image/jpeg");
    return blob ? { blob, width, height, duration } : null;
  } catch {
    // A tainted canvas (SecurityError) or a video the browser cannot decode: no poster.
    return null;
  } finally {
    video.removeAttribute("src");
    video.load();
  }
}

/** Why a clip could not be fetched, for the panel to say. */
export type ClipFetchProblem = { kind: "http"; status: number } | { kind: "blocked" } | { kind: "not-video"; type: string };

/**
 * Fetches a video's bytes to keep them. The simulator serves videos from the playground's origin; an
 * upstream's URL on another origin can only be read if it allows it (CORS): otherwise `blocked`.
 */
export async function fetchClip(url: string): Promise<{ ok: true; blob: Blob } | { ok: false; problem: ClipFetchProblem }> {
  let res: Response;
  try {
    res = await fetch(url, { mode: "cors", credentials: "omit" });
  } catch {
    return { ok: false, problem: { kind: "blocked" } };
  }
  if (!res.ok) return { ok: false, problem: { kind: "http", status: res.status } };
  const blob = await res.blob();
  const type = blob.type || res.headers.get("content-type") || "";
  if (type && !type.startsWith("video/") && type !== "application/octet-stream") return { ok: false, problem: { kind: "not-video", type } };
  return { ok: true, blob: blob.type.startsWith("video/") ? blob : new Blob([blob], { type: "video/mp4" }) };
}
