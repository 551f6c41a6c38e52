import { modeLabel } from "@/lib/spec/contract";
import type { CreateTaskRequest } from "@/lib/spec/schema";
import { commentLines } from "./curl";
import { jqPath } from "./media";
import { scriptPlan } from "./plan";
import { shellQuote } from "./shell";
import { BASE_URL_ENV, type ExportTarget, KEY_ENV, pollSchedule, requestJson, TIME_LIMIT_SECONDS, unavailableReason } from "./target";

/**
 * A complete bash script (curl + jq) in the upstream's dialect: uploads local files given as arguments
 * when the mode takes media (and the upstream takes such uploads), creates the task, polls it with the
 * playground's schedule until a terminal status, downloads the video, and prints the final task JSON on
 * stdout (progress goes to stderr). A mode the upstream cannot do gets a script that says so and stops.
 */
export function toShellScript(request: CreateTaskRequest, target: ExportTarget): string {
  const refusal = unavailableReason(request.mode, target);
  if (refusal) {
    return [
      "#!/usr/bin/env bash",
      `# ${request.model} · ${modeLabel(request.mode)}, exported from the playground.`,
      commentLines(refusal),
      `echo ${shellQuote(refusal)} >&2`,
      "exit 1",
      "",
    ].join("\n");
  }
  const { wire, media, takesFiles, succeeded, terminal, statusPrefix } = scriptPlan(request.mode, target);
  const usageArgs =
    takesFiles && media ? (media.list ? " [image files…]" : media.field === "video_url" ? " [video file]" : " [image file]") : "";
  const lines = [
    "#!/usr/bin/env bash",
    `# ${request.model} · ${modeLabel(request.mode)}, exported from the playground.`,
    "# Creates the task, polls it until it succeeds or fails, downloads the video. Needs curl and jq.",
    `#   ${KEY_ENV}=… bash ${request.model}.sh${usageArgs}`,
    `# ${BASE_URL_ENV} overrides the base URL; OUT names the video file.`,
    "set -euo pipefail",
    "",
    `: "\${${KEY_ENV}:?set ${KEY_ENV} to your API key}"`,
    `DEFAULT_BASE_URL=${shellQuote(target.baseUrl)}`,
    `BASE_URL="\${${BASE_URL_ENV}:-$DEFAULT_BASE_URL}"`,
    `OUT="\${OUT:-${request.model}.mp4}"`,
    `DELAYS_MS=(${pollSchedule().join(" ")}) # the playground's polling schedule; the last delay repeats`,
    `TIME_LIMIT_S=${TIME_LIMIT_SECONDS}`,
    "",
    `REQUEST=${shellQuote(requestJson(request, target))}`,
    "",
    'die() { echo "$*" >&2; exit 1; }',
    "",
    "# api METHOD URL [curl options…]: prints the JSON answer. On HTTP >= 400 it prints the error and",
    "# returns 2 for a transient failure (no answer, 429, 5xx) and 1 otherwise.",
    "api() {",
    "  local method=$1 url=$2 body status",
    "  shift 2",
    "  body=$(mktemp)",
    `  status=$(curl -sS -X "$method" "$url" -H "Authorization: Bearer $${KEY_ENV}" -H 'Accept: application/json' \\`,
    '    -o "$body" -w \'%{http_code}\' "$@") || status=000',
    '  if [ "$status" -ge 200 ] && [ "$status" -lt 300 ]; then cat "$body"; rm -f "$body"; return 0; fi',
    '  echo "HTTP $status from $method $url: $(cat "$body")" >&2',
    '  rm -f "$body"',
    '  if [ "$status" = 000 ] || [ "$status" = 429 ] || [ "$status" -ge 500 ]; then return 2; fi',
    "  return 1",
    "}",
    "",
  ];
  if (media?.uploadRefusal) {
    lines.push(
      `# ${modeLabel(request.mode)} takes the URL in REQUEST: this upstream takes no such upload.`,
      `[ "$#" -eq 0 ] || die ${shellQuote(media.uploadRefusal)}`,
      "",
    );
  } else if (media) {
    const counts = media.counts.join("|");
    lines.push(
      "# upload FILE: sends a local file to the upload endpoint and prints the URL it answers.",
      "upload() {",
      '  [ -f "$1" ] || die "No such file: $1"',
      `  api POST "$BASE_URL${wire.uploadPath}" -F "file=@$1" | jq -er ${shellQuote(jqPath(wire.uploadUrlPath))}`,
      "}",
      "",
      `# Local ${media.noun} given as arguments are uploaded first; without arguments the URL${media.list ? "s" : ""} in REQUEST ${media.list ? "are" : "is"} used.`,
      'if [ "$#" -gt 0 ]; then',
      `  case "$#" in ${counts}) ;; *) die ${shellQuote(`${media.usage}, not`)}" $#." ;; esac`,
      "  urls=()",
      '  for file in "$@"; do urls+=("$(upload "$file")"); done',
      media.slotIsList
        ? `  REQUEST=$(jq --args '${jqPath(media.slot)} = $ARGS.positional' "\${urls[@]}" <<<"$REQUEST")`
        : `  REQUEST=$(jq --arg url "\${urls[0]}" '${jqPath(media.slot)} = $url' <<<"$REQUEST")`,
      "fi",
      "",
    );
  }
  const statusUrl = `${statusPrefix}$TASK_ID`;
  lines.push(
    "# Create the task (never retried automatically: a create is not idempotent).",
    `TASK=$(api POST "$BASE_URL${wire.createPath}" -H 'Content-Type: application/json' --data-binary "$REQUEST")`,
    `TASK_ID=$(jq -er ${shellQuote(jqPath(wire.taskIdPath))} <<<"$TASK")`,
    'echo "Created $TASK_ID" >&2',
    "",
    "SECONDS=0",
    "polls=0",
    "failures=0",
    "while :; do",
    '  status=$(jq -r .status <<<"$TASK")',
    `  case "$status" in ${terminal.join("|")}) break ;; esac`,
    '  if [ "$SECONDS" -ge "$TIME_LIMIT_S" ]; then',
    '    die "Stopped watching after ${TIME_LIMIT_S} s; $TASK_ID goes on upstream (there is no cancel endpoint)."',
    "  fi",
    "  i=$(( polls < ${#DELAYS_MS[@]} ? polls : ${#DELAYS_MS[@]} - 1 ))",
    "  ms=${DELAYS_MS[$i]}",
    "  sleep \"$((ms / 1000)).$(printf '%03d' $((ms % 1000)))\"",
    "  polls=$((polls + 1))",
    `  if NEXT=$(api GET "$BASE_URL${statusUrl}"); then`,
    "    TASK=$NEXT",
    "    failures=0",
    '    jq -r \'"\\(.status)" + (if .progress != null then " \\(.progress)%" else "" end)\' <<<"$TASK" >&2',
    "  else",
    "    rc=$?",
    "    failures=$((failures + 1))",
    '    { [ "$rc" -eq 2 ] && [ "$failures" -le 3 ]; } || die "Polling $TASK_ID failed."',
    '    sleep "$((1 << (failures - 1)))"',
    "  fi",
    "done",
    "",
    `case "$status" in ${succeeded.join("|")}) ;; *)`,
    '  echo "Task $TASK_ID $status: $(jq -r \'(.error.type // .error.code // "error") + ": " + (.error.message // "no reason given")\' <<<"$TASK")" >&2',
    "  printf '%s\\n' \"$TASK\"",
    "  exit 1",
    "esac",
    // The first non-empty one, as the proxy reads it (firstString).
    `VIDEO_URL=$(jq -er ${shellQuote(wire.videoUrlPaths.map((p) => `(${jqPath(p)} | select(. != ""))`).join(" // "))} <<<"$TASK")`,
    'curl -sS -fL -o "$OUT" "$VIDEO_URL"',
    'echo "Saved $OUT" >&2',
    "printf '%s\\n' \"$TASK\"",
  );
  return `${lines.join("\n")}\n`;
}
