import { modeLabel } from "@/lib/spec/contract";
import type { CreateTaskRequest } from "@/lib/spec/schema";
import { commentLines } from "./curl";
import { jsPath } from "./media";
import { scriptPlan } from "./plan";
import { BASE_URL_ENV, type ExportTarget, KEY_ENV, pollSchedule, requestJson, TIME_LIMIT_SECONDS, unavailableReason } from "./target";

/**
 * The same flow as the shell script for Node 20+ (fetch, FormData, `fs.openAsBlob`), as an ES module, in
 * the upstream's dialect: upload local files given as arguments, create, poll with the playground's
 * schedule, download. A mode the upstream cannot do gets a module that says so and stops.
 */
export function toJavaScript(request: CreateTaskRequest, target: ExportTarget): string {
  const s = JSON.stringify;
  const refusal = unavailableReason(request.mode, target);
  if (refusal)
    return [
      `// ${request.model} · ${modeLabel(request.mode)}, exported from the playground.`,
      commentLines(refusal, "// "),
      `throw new Error(${s(refusal)});`,
      "",
    ].join("\n");
  const { wire, media, takesFiles, succeeded, terminal, statusPrefix } = scriptPlan(request.mode, target);
  const lines = [
    `// ${request.model} · ${modeLabel(request.mode)}, exported from the playground. Node 20+, no dependencies.`,
    `//   ${KEY_ENV}=… node ${request.model}.mjs${takesFiles ? " [files…]" : ""}`,
    `// ${BASE_URL_ENV} overrides the base URL; OUT names the video file.`,
    'import { openAsBlob } from "node:fs";',
    'import { writeFile } from "node:fs/promises";',
    'import { basename } from "node:path";',
    "",
    `const KEY = process.env.${KEY_ENV};`,
    `if (!KEY) throw new Error(${s(`Set ${KEY_ENV} to your API key.`)});`,
    `const BASE_URL = process.env.${BASE_URL_ENV} || ${s(target.baseUrl)};`,
    `const OUT = process.env.OUT || ${s(`${request.model}.mp4`)};`,
    `const DELAYS_MS = ${s(pollSchedule())}; // the playground's polling schedule; the last delay repeats`,
    `const TIME_LIMIT_MS = ${TIME_LIMIT_SECONDS * 1000};`,
    `const SUCCEEDED = ${s(succeeded)};`,
    `const TERMINAL = ${s(terminal)};`,
    "",
    `const request = ${requestJson(request, target)};`,
    "",
    "const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));",
    "",
    "/** One call; throws with the answer on HTTP >= 400 (`transient` for no answer, 429 and 5xx). */",
    "async function api(method, path, body) {",
    '  const headers = { authorization: `Bearer ${KEY}`, accept: "application/json" };',
    '  if (body && !(body instanceof FormData)) headers["content-type"] = "application/json";',
    "  let res;",
    "  try {",
    "    res = await fetch(BASE_URL + path, { method, headers, body: body instanceof FormData ? body : body && JSON.stringify(body) });",
    "  } catch (cause) {",
    "    throw Object.assign(new Error(`${method} ${path}: no answer`, { cause }), { transient: true });",
    "  }",
    "  const text = await res.text();",
    "  if (!res.ok) {",
    "    const transient = res.status === 429 || res.status >= 500;",
    "    throw Object.assign(new Error(`HTTP ${res.status} from ${method} ${path}: ${text}`), { transient });",
    "  }",
    "  return JSON.parse(text);",
    "}",
    "",
  ];
  if (media?.uploadRefusal) {
    lines.push(
      `// ${modeLabel(request.mode)} takes the URL in \`request\`: this upstream takes no such upload.`,
      `if (process.argv.length > 2) throw new Error(${s(media.uploadRefusal)});`,
      "",
    );
  } else if (media) {
    const slot = media.slot.map((k) => `[${s(k)}]`).join("");
    lines.push(
      "/** Sends a local file to the upload endpoint; returns the URL it answers. */",
      "async function upload(file) {",
      "  const form = new FormData();",
      '  form.set("file", await openAsBlob(file), basename(file));',
      `  return ${jsPath(`(await api("POST", ${s(wire.uploadPath)}, form))`, wire.uploadUrlPath)};`,
      "}",
      "",
      `// Local ${media.noun} given as arguments are uploaded first; without arguments the URL${media.list ? "s" : ""} in \`request\` ${media.list ? "are" : "is"} used.`,
      "const files = process.argv.slice(2);",
      "if (files.length) {",
      `  if (!${s(media.counts)}.includes(files.length)) throw new Error(${s(`${media.usage}, not `)} + files.length + ".");`,
      "  const urls = [];",
      "  for (const file of files) urls.push(await upload(file));",
      `  request${slot} = ${media.slotIsList ? "urls" : "urls[0]"};`,
      "}",
      "",
    );
  }
  lines.push(
    "// Create the task (never retried automatically: a create is not idempotent).",
    `let task = await api("POST", ${s(wire.createPath)}, request);`,
    `const taskId = ${jsPath("task", wire.taskIdPath)};`,
    "console.error(`Created ${taskId}`);",
    "",
    "const started = Date.now();",
    "for (let polls = 0, failures = 0; !TERMINAL.includes(task.status); ) {",
    "  if (Date.now() - started >= TIME_LIMIT_MS) {",
    "    throw new Error(`Stopped watching; ${taskId} goes on upstream (there is no cancel endpoint).`);",
    "  }",
    "  await sleep(DELAYS_MS[Math.min(polls, DELAYS_MS.length - 1)]);",
    "  polls++;",
    "  try {",
    `    task = await api("GET", ${s(statusPrefix)} + encodeURIComponent(taskId));`,
    "    failures = 0;",
    '    console.error(task.status + (task.progress != null ? ` ${task.progress}%` : ""));',
    "  } catch (err) {",
    "    if (!err.transient || ++failures > 3) throw err;",
    "    await sleep(1000 * 2 ** (failures - 1));",
    "  }",
    "}",
    "",
    "if (!SUCCEEDED.includes(task.status)) {",
    "  console.log(JSON.stringify(task));",
    "  throw new Error(`Task ${taskId} ${task.status}: ${task.error?.type ?? task.error?.code}: ${task.error?.message}`);",
    "}",
    // The first non-empty one, as the proxy reads it (firstString).
    `const videoUrl = ${wire.videoUrlPaths.map((p) => jsPath("task", p)).join(" || ")};`,
    "const video = await fetch(videoUrl);",
    "if (!video.ok) throw new Error(`Download failed: HTTP ${video.status}`);",
    "await writeFile(OUT, Buffer.from(await video.arrayBuffer()));",
    "console.error(`Saved ${OUT}`);",
    "console.log(JSON.stringify(task));",
  );
  return `${lines.join("\n")}\n`;
}
