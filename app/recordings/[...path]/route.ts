import { readFile, realpath } from "node:fs/promises";
import path from "node:path";
import { recordingsDir } from "@/lib/config";
import { recordingFile } from "@/lib/recordings/files";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ path: string[] }> };

/**
 * `/recordings/{…path}`: a recording (JSON) or its video from RECORDINGS_DIR, read-only. The shipped
 * recordings in public/recordings are static files and answer first; this serves what a deployment adds.
 */
export async function GET(_request: Request, { params }: Props): Promise<Response> {
  const root = recordingsDir();
  const file = recordingFile((await params).path);
  if (!root || !file) return notFound();
  try {
    const base = await realpath(root);
    const full = await realpath(path.join(base, file.relative));
    if (!full.startsWith(base + path.sep)) return notFound();
    const body = await readFile(full);
    return new Response(body, {
      headers: { "content-type": file.contentType, "cache-control": "public, max-age=300", "content-length": String(body.byteLength) },
    });
  } catch {
    return notFound();
  }
}

function notFound(): Response {
  return new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
}
