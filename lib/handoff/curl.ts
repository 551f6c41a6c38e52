import type { CreateTaskRequest } from "@/lib/spec/schema";
import { shellQuote } from "./shell";
import { type ExportTarget, KEY_ENV, requestJson, unavailableReason, wireOf } from "./target";

/**
 * The create request as one curl command: the dialect's create path (`POST {base}/v1/tasks`, or
 * `POST {base}/v1/videos/generations` for the gateway) with the key as `$UPSTREAM_API_KEY` (expanded by the
 * user's shell, never written out) and the JSON body in single quotes, so every character of the prompt
 * survives. Prints the created task. A mode the upstream cannot do gets the reason as comments instead.
 */
export function toCurl(request: CreateTaskRequest, target: ExportTarget): string {
  const refusal = unavailableReason(request.mode, target);
  if (refusal) return commentLines(`${refusal} No request is sent for it: the playground's proxy refuses this mode too.`);
  return [
    `curl -sS -X POST ${shellQuote(`${target.baseUrl}${wireOf(target).createPath}`)}`,
    `  -H "Authorization: Bearer $${KEY_ENV}"`,
    `  -H 'Content-Type: application/json'`,
    `  --data-raw ${shellQuote(requestJson(request, target))}`,
  ].join(" \\\n");
}

/** A sentence as shell (or Python) comment lines of at most about 100 characters. */
export function commentLines(text: string, prefix = "# "): string {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line && line.length + word.length + 1 > 98) {
      lines.push(prefix + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(prefix + line);
  return lines.join("\n");
}
