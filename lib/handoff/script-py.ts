import { modeLabel } from "@/lib/spec/contract";
import type { CreateTaskRequest } from "@/lib/spec/schema";
import { commentLines } from "./curl";
import { scriptPlan } from "./plan";
import { BASE_URL_ENV, type ExportTarget, KEY_ENV, pollSchedule, requestJson, TIME_LIMIT_SECONDS, unavailableReason } from "./target";

/**
 * The same flow in Python 3 with `requests`, in the upstream's dialect. The request is embedded as a dict
 * literal: the body holds only strings, numbers, lists and objects, and JSON's string escapes are valid
 * Python escapes (JSON paths too). A mode the upstream cannot do gets a script that says so and stops.
 */
export function toPython(request: CreateTaskRequest, target: ExportTarget): string {
  const s = JSON.stringify;
  const refusal = unavailableReason(request.mode, target);
  if (refusal)
    return [
      "#!/usr/bin/env python3",
      `# ${request.model} · ${modeLabel(request.mode)}, exported from the playground.`,
      commentLines(refusal),
      "import sys",
      "",
      `sys.exit(${s(refusal)})`,
      "",
    ].join("\n");
  const { wire, media, takesFiles, succeeded, terminal, statusPrefix } = scriptPlan(request.mode, target);
  const lines = [
    "#!/usr/bin/env python3",
    `# ${request.model} · ${modeLabel(request.mode)}, exported from the playground. Needs: pip install requests`,
    `#   ${KEY_ENV}=… python3 ${request.model}.py${takesFiles ? " [files…]" : ""}`,
    `# ${BASE_URL_ENV} overrides the base URL; OUT names the video file.`,
    "import json",
    "import os",
    "import sys",
    "import time",
    "",
    "import requests",
    "",
    `KEY = os.environ.get(${s(KEY_ENV)}) or sys.exit(${s(`Set ${KEY_ENV} to your API key.`)})`,
    `BASE_URL = os.environ.get(${s(BASE_URL_ENV)}) or ${s(target.baseUrl)}`,
    `OUT = os.environ.get("OUT") or ${s(`${request.model}.mp4`)}`,
    `DELAYS_MS = ${s(pollSchedule())}  # the playground's polling schedule; the last delay repeats`,
    `TIME_LIMIT_S = ${TIME_LIMIT_SECONDS}`,
    `SUCCEEDED = ${s(succeeded)}`,
    `TERMINAL = ${s(terminal)}`,
    "",
    `request = ${requestJson(request, target)}`,
    "",
    "session = requests.Session()",
    'session.headers.update({"Authorization": f"Bearer {KEY}", "Accept": "application/json"})',
    "",
    "",
    "class ApiError(Exception):",
    "    def __init__(self, message, transient):",
    "        super().__init__(message)",
    "        self.transient = transient",
    "",
    "",
    "def api(method, path, **kwargs):",
    '    """One call; raises ApiError on HTTP >= 400 (transient for no answer, 429 and 5xx)."""',
    "    try:",
    "        res = session.request(method, BASE_URL + path, timeout=60, **kwargs)",
    "    except requests.RequestException as err:",
    '        raise ApiError(f"{method} {path}: no answer ({err})", True) from err',
    "    if res.status_code >= 400:",
    '        raise ApiError(f"HTTP {res.status_code} from {method} {path}: {res.text}", res.status_code == 429 or res.status_code >= 500)',
    "    return res.json()",
    "",
    "",
    "def dig(value, *paths):",
    '    """The first non-empty value found at one of the JSON paths (keys and list indexes)."""',
    "    for path in paths:",
    "        cur = value",
    "        for key in path:",
    "            try:",
    "                cur = cur[key]",
    "            except (KeyError, IndexError, TypeError):",
    "                cur = None",
    "                break",
    "        if cur:",
    "            return cur",
    "    return None",
    "",
    "",
  ];
  if (media?.uploadRefusal) {
    lines.push(
      `# ${modeLabel(request.mode)} takes the URL in \`request\`: this upstream takes no such upload.`,
      "if sys.argv[1:]:",
      `    sys.exit(${s(media.uploadRefusal)})`,
      "",
    );
  } else if (media) {
    const slot = media.slot.map((k) => `[${s(k)}]`).join("");
    lines.push(
      "def upload(path):",
      '    """Sends a local file to the upload endpoint; returns the URL it answers."""',
      '    with open(path, "rb") as f:',
      `        return dig(api("POST", ${s(wire.uploadPath)}, files={"file": (os.path.basename(path), f)}), ${s(wire.uploadUrlPath)})`,
      "",
      "",
      `# Local ${media.noun} given as arguments are uploaded first; without arguments the URL${media.list ? "s" : ""} in \`request\` ${media.list ? "are" : "is"} used.`,
      "files = sys.argv[1:]",
      "if files:",
      `    if len(files) not in ${s(media.counts)}:`,
      `        sys.exit(${s(`${media.usage}, not `)} + str(len(files)) + ".")`,
      "    urls = [upload(f) for f in files]",
      `    request${slot} = ${media.slotIsList ? "urls" : "urls[0]"}`,
      "",
    );
  }
  lines.push(
    "# Create the task (never retried automatically: a create is not idempotent).",
    `task = api("POST", ${s(wire.createPath)}, json=request)`,
    `task_id = dig(task, ${s(wire.taskIdPath)})`,
    'print(f"Created {task_id}", file=sys.stderr)',
    "",
    "started = time.monotonic()",
    "polls = failures = 0",
    'while task["status"] not in TERMINAL:',
    "    if time.monotonic() - started >= TIME_LIMIT_S:",
    '        sys.exit(f"Stopped watching; {task_id} goes on upstream (there is no cancel endpoint).")',
    "    time.sleep(DELAYS_MS[min(polls, len(DELAYS_MS) - 1)] / 1000)",
    "    polls += 1",
    "    try:",
    `        task = api("GET", ${s(statusPrefix)} + requests.utils.quote(str(task_id), safe=""))`,
    "        failures = 0",
    '        progress = task.get("progress")',
    '        print(task["status"] + (f" {progress}%" if progress is not None else ""), file=sys.stderr)',
    "    except ApiError as err:",
    "        failures += 1",
    "        if not err.transient or failures > 3:",
    "            raise",
    "        time.sleep(2 ** (failures - 1))",
    "",
    'if task["status"] not in SUCCEEDED:',
    "    print(json.dumps(task, ensure_ascii=False))",
    '    error = task.get("error") or {}',
    "    sys.exit(f\"Task {task_id} {task['status']}: {error.get('type') or error.get('code')}: {error.get('message')}\")",
    `video = requests.get(dig(task, ${wire.videoUrlPaths.map((p) => s(p)).join(", ")}), timeout=120)`,
    "video.raise_for_status()",
    'with open(OUT, "wb") as f:',
    "    f.write(video.content)",
    'print(f"Saved {OUT}", file=sys.stderr)',
    "print(json.dumps(task, ensure_ascii=False))",
  );
  return `${lines.join("\n")}\n`;
}
