import type { CreateTaskRequest } from "@/lib/spec/schema";
import { shellQuote } from "./shell";
import { KEY_ENV, requestJson, type ExportTarget } from "./target";

/**
 * The create request as one curl command: `POST {base}/v1/tasks` with the key as `$UPSTREAM_API_KEY`
 * (expanded by the user's shell, never written out) and the JSON body in single quotes, so every
 * character of the prompt survives. Prints the created task.
 */
export function toCurl(request: CreateTaskRequest, target: ExportTarget): string {
  return [
    `curl -sS -X POST ${shellQuote(`${target.baseUrl}/v1/tasks`)}`,
    `  -H "Authorization: Bearer $${KEY_ENV}"`,
    `  -H 'Content-Type: application/json'`,
    `  --data-raw ${shellQuote(requestJson(request, target))}`,
  ].join(" \\\n");
}
