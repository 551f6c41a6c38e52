import type { ModeId } from "@/lib/spec/contract";
import { terminalStatuses, type Wire } from "@/lib/upstream/dialects/wire";
import { type MediaSpec, mediaOf } from "./media";
import { type ExportTarget, wireOf } from "./target";

export type ScriptPlan = {
  wire: Wire;
  /** Where the mode's media go, or null when it takes none. */
  media: MediaSpec | null;
  /** Whether the script takes local files as arguments (the mode has media and the upstream takes such uploads). */
  takesFiles: boolean;
  /** The upstream's words for success, and for every end (success or failure). */
  succeeded: string[];
  terminal: string[];
  /** The status path up to the task id, which each script appends in its language's URL escaping. */
  statusPrefix: string;
};

/** What the curl-less exported scripts (shell, Python, JavaScript) all work from, for one mode and upstream. */
export function scriptPlan(mode: ModeId, target: Pick<ExportTarget, "dialect" | "referenceCounts">): ScriptPlan {
  const wire = wireOf(target);
  const media = mediaOf(mode, target);
  const { succeeded, failed } = terminalStatuses(wire);
  const marker = "TASK_ID_HERE";
  return {
    wire,
    media,
    takesFiles: Boolean(media && !media.uploadRefusal),
    succeeded,
    terminal: [...succeeded, ...failed],
    statusPrefix: wire.statusPath(marker).replace(marker, ""),
  };
}
