/**
 * The frame a video shows now, as a PNG file (for "Start from this frame"). Drawn through a canvas; a
 * video from another origin without CORS taints the canvas, so then the same frame is read once more
 * from a copy loaded with `crossOrigin="anonymous"`, and if its server does not allow that either, the
 * error says so. Browser only.
 */

export class FrameUnreadableError extends Error {
  constructor(cause: unknown) {
    super("frame-unreadable", { cause });
    this.name = "FrameUnreadableError";
  }
}

function draw(video: HTMLVideoElement): Promise<Blob> {
  const canvas = document.createElement("canvas");
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  canvas.getContext("2d")!.drawImage(video, 0, 0);
  return new Promise((resolve, reject) => {
    try {
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("The browser made no image of the frame."))), "image/png");
    } catch (err) {
      reject(err);
    }
  });
}

function once(target: HTMLVideoElement, event: string): Promise<void> {
  return new Promise((resolve, reject) => {
    target.addEventListener(event, () => resolve(), { once: true });
    target.addEventListener("error", () => reject(new Error("The video could not be loaded for its frame.")), { once: true });
  });
}

async function corsCopy(src: string, time: number): Promise<HTMLVideoElement> {
  const copy = document.createElement("video");
  copy.crossOrigin = "anonymous";
  copy.muted = true;
  copy.preload = "auto";
  copy.src = src;
  await once(copy, "loadeddata");
  copy.currentTime = time;
  await once(copy, "seeked");
  return copy;
}

/** The current frame of `video` as `frame-<seconds>s.png`. */
export async function captureFrame(video: HTMLVideoElement): Promise<File> {
  const name = `frame-${video.currentTime.toFixed(2)}s.png`;
  let blob: Blob;
  try {
    blob = await draw(video);
  } catch (err) {
    if (!(err instanceof DOMException && err.name === "SecurityError")) throw err;
    try {
      blob = await draw(await corsCopy(video.currentSrc || video.src, video.currentTime));
    } catch (again) {
      throw new FrameUnreadableError(again);
    }
  }
  return new File([blob], name, { type: "image/png" });
}

/**
 * The aspect ratio (of `ratios`, "W:H" strings from the model's spec) closest to a `width`×`height` frame,
 * compared on a log scale so that 9:16 and 16:9 are equally far from 1:1. Undefined without ratios or a size.
 */
export function nearestAspectRatio(ratios: readonly string[], width: number, height: number): string | undefined {
  if (!(width > 0 && height > 0)) return undefined;
  const target = Math.log(width / height);
  let best: { ratio: string; distance: number } | undefined;
  for (const ratio of ratios) {
    const [w, h] = ratio.split(":").map(Number);
    if (!(w > 0 && h > 0)) continue;
    const distance = Math.abs(Math.log(w / h) - target);
    if (!best || distance < best.distance) best = { ratio, distance };
  }
  return best?.ratio;
}
