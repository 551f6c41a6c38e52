/**
 * Media type detection from the bytes themselves (magic numbers), never from the file name, and the
 * spec's limits per kind.
 */
import { IMAGE_LIMITS, VIDEO_LIMITS } from "@/lib/spec/contract";
import type { MediaKind } from "@/lib/spec/schema";

const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));

/** Detects JPEG, PNG, WebP, GIF, MP4, QuickTime and WebM from the first bytes; null when unknown. */
export function sniffMime(head: Uint8Array): string | null {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return "image/jpeg";
  if (head.length >= 8 && ascii(head, 1, 4) === "PNG" && head[0] === 0x89) return "image/png";
  if (head.length >= 12 && ascii(head, 0, 4) === "RIFF" && ascii(head, 8, 12) === "WEBP") return "image/webp";
  if (head.length >= 6 && ascii(head, 0, 4) === "GIF8") return "image/gif";
  if (head.length >= 4 && head[0] === 0x1a && head[1] === 0x45 && head[2] === 0xdf && head[3] === 0xa3) return "video/webm";
  if (head.length >= 12) {
    const box = ascii(head, 4, 8);
    if (box === "ftyp") return ascii(head, 8, 12) === "qt  " ? "video/quicktime" : "video/mp4";
    if (["moov", "mdat", "wide", "free"].includes(box)) return "video/quicktime";
  }
  return null;
}

export function kindOfMime(mime: string): MediaKind | null {
  if ((IMAGE_LIMITS.mimeTypes as readonly string[]).includes(mime)) return "image";
  if ((VIDEO_LIMITS.mimeTypes as readonly string[]).includes(mime)) return "video";
  return null;
}

export function limitsOf(kind: MediaKind) {
  return kind === "image" ? IMAGE_LIMITS : VIDEO_LIMITS;
}

export function extensionOf(mime: string): string {
  const map: Record<string, string> = {
    "image/jpeg": "jpg",
    "image/png": "png",
    "image/webp": "webp",
    "video/mp4": "mp4",
    "video/quicktime": "mov",
    "video/webm": "webm",
  };
  return map[mime] ?? "bin";
}
