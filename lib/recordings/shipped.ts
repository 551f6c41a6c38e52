import "server-only";
import { existsSync } from "node:fs";
import path from "node:path";
import type { ModelSpec } from "@/lib/spec/model-spec";

/** The folder of the recordings shipped with the project (made by scripts/make-recordings.mjs), served as static files. */
export const SHIPPED_RECORDINGS_DIR = path.join(process.cwd(), "public", "recordings");

/** The modes of `spec` with a shipped recording (`public/recordings/{model}/{mode}.json`), in the spec's order. */
export function shippedRecordingModes(spec: ModelSpec): string[] {
  return spec.modes.map((m) => m.id).filter((mode) => existsSync(path.join(SHIPPED_RECORDINGS_DIR, spec.id, `${mode}.json`)));
}
