/**
 * Test helper: reads an MP4's duration, frame size and video codec with mp4box.js (a devDependency),
 * independently of the ffmpeg that wrote the file.
 */
import { readFile } from "node:fs/promises";
import { createFile, type Movie, MP4BoxBuffer } from "mp4box";

export type Mp4Probe = {
  /** Movie duration (mvhd), falling back to the video track's duration, in seconds. */
  durationSeconds: number;
  width: number;
  height: number;
  /** The video track's codec string, e.g. `avc1.42c01f`. */
  codec: string;
};

export async function probeMp4(path: string): Promise<Mp4Probe> {
  const bytes = await readFile(path);
  // A standalone ArrayBuffer holding exactly the file (a Buffer may be a view into a shared pool).
  const ab = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);

  const info = await new Promise<Movie>((resolve, reject) => {
    const file = createFile();
    let settled = false;
    file.onError = (module: string, message: string) => {
      if (!settled) {
        settled = true;
        reject(new Error(`mp4box could not parse ${path}: ${module}: ${message}`));
      }
    };
    file.onReady = (movie: Movie) => {
      if (!settled) {
        settled = true;
        resolve(movie);
      }
    };
    try {
      file.appendBuffer(MP4BoxBuffer.fromArrayBuffer(ab, 0));
      file.flush();
    } catch (err) {
      if (!settled) {
        settled = true;
        reject(err instanceof Error ? err : new Error(String(err)));
      }
      return;
    }
    if (!settled) {
      settled = true;
      reject(new Error(`mp4box found no moov box in ${path} (${bytes.byteLength} bytes)`));
    }
  });

  const video = info.videoTracks[0];
  if (!video) throw new Error(`${path} has no video track`);
  const width = video.video?.width || video.track_width;
  const height = video.video?.height || video.track_height;
  const durationSeconds = info.duration > 0 && info.timescale > 0 ? info.duration / info.timescale : video.duration / video.timescale;
  return { durationSeconds, width, height, codec: video.codec };
}
