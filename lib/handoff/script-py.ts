import { MODEL_NAME, TERMINAL_STATUSES, modeLabel } from "@/lib/spec/nano-banana-2";
import type { CreateTaskRequest } from "@/lib/spec/schema";
import { mediaOf } from "./media";
import { BASE_URL_ENV, KEY_ENV, TIME_LIMIT_SECONDS, pollSchedule, requestJson, type ExportTarget } from "./target";

/**
 * The same flow in Python 3 with `requests`. The request is embedded as a dict literal: the body holds
 * only strings, numbers, lists and objects, and JSON's string escapes are valid Python escapes.
 */
export function toPython(request: CreateTaskRequest, target: ExportTarget): string {
  const media = mediaOf(request.mode);
  const s = JSON.stringify;
  const lines = [
    "#!/usr/bin/env python3",
    `# ${MODEL_NAME} · ${modeLabel(request.mode)}, exported from the playground. Needs: pip install requests`,
    `#   ${KEY_ENV}=… python3 ${MODEL_NAME}.py${media ? " [files…]" : ""}`,
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
    `OUT = os.environ.get("OUT") or ${s(`${MODEL_NAME}.mp4`)}`,
    `DELAYS_MS = ${s(pollSchedule())}  # the playground's polling schedule; the last delay repeats`,
    `TIME_LIMIT_S = ${TIME_LIMIT_SECONDS}`,
    `TERMINAL = ${s(TERMINAL_STATUSES)}`,
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
  ];
  if (media) {
    lines.push(
      "def upload(path):",
      '    """Sends a local file to the upload endpoint; returns the URL it answers."""',
      '    with open(path, "rb") as f:',
      '        return api("POST", "/v1/uploads", files={"file": (os.path.basename(path), f)})["url"]',
      "",
      "",
      `# Local ${media.noun} given as arguments are uploaded first; without arguments the URL${media.list ? "s" : ""} in \`request\` ${media.list ? "are" : "is"} used.`,
      "files = sys.argv[1:]",
      "if files:",
      `    if len(files) not in ${s(media.counts)}:`,
      `        sys.exit(${s(`${media.usage}, not `)} + str(len(files)) + ".")`,
      media.list
        ? `    request["input"][${s(media.field)}] = [upload(f) for f in files]`
        : `    request["input"][${s(media.field)}] = upload(files[0])`,
      "",
    );
  }
  lines.push(
    "# Create the task (never retried automatically: a create is not idempotent).",
    'task = api("POST", "/v1/tasks", json=request)',
    'print(f"Created {task[\'task_id\']}", file=sys.stderr)',
    "",
    "started = time.monotonic()",
    "polls = failures = 0",
    'while task["status"] not in TERMINAL:',
    "    if time.monotonic() - started >= TIME_LIMIT_S:",
    "        sys.exit(f\"Stopped watching; {task['task_id']} goes on upstream (there is no cancel endpoint).\")",
    "    time.sleep(DELAYS_MS[min(polls, len(DELAYS_MS) - 1)] / 1000)",
    "    polls += 1",
    "    try:",
    "        task = api(\"GET\", f\"/v1/tasks/{task['task_id']}\")",
    "        failures = 0",
    "        progress = task.get(\"progress\")",
    "        print(task[\"status\"] + (f\" {progress}%\" if progress is not None else \"\"), file=sys.stderr)",
    "    except ApiError as err:",
    "        failures += 1",
    "        if not err.transient or failures > 3:",
    "            raise",
    "        time.sleep(2 ** (failures - 1))",
    "",
    'if task["status"] != "succeeded":',
    "    print(json.dumps(task, ensure_ascii=False))",
    "    error = task.get(\"error\") or {}",
    "    sys.exit(f\"Task {task['task_id']} {task['status']}: {error.get('type')}: {error.get('message')}\")",
    'video = requests.get(task["output"]["video_url"], timeout=120)',
    "video.raise_for_status()",
    'with open(OUT, "wb") as f:',
    "    f.write(video.content)",
    'print(f"Saved {OUT}", file=sys.stderr)',
    "print(json.dumps(task, ensure_ascii=False))",
  );
  return lines.join("\n") + "\n";
}
