/**
 * Runs the exported code for real: the system's bash, curl and jq (and node, python3 with requests)
 * against the real simulator served on a loopback port, then asks the simulator which request each
 * task was created with and compares it with the form's request.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { getModel } from "@/lib/models/registry";
import type { ModeId } from "@/lib/spec/contract";
import { mediaFieldOf, modeIdsOf } from "@/lib/spec/model-spec";
import { type CreateTaskRequest, type FormState, initialFormState, toCreateRequest as toSpecRequest } from "@/lib/spec/schema";
import { probeMp4 } from "@/lib/testing/mp4";
import { type SimServer, startSimServer } from "@/lib/testing/sim-server";
import { createTask } from "@/lib/upstream/service";
import { toCurl } from "./curl";
import { HOSTILE_PROMPTS } from "./hostile";
import { toJavaScript } from "./script-js";
import { toPython } from "./script-py";
import { toShellScript } from "./script-sh";
import type { ExportTarget } from "./target";

const nanoBanana2 = getModel("nano-banana-2");
const INITIAL_FORM_STATE = initialFormState(nanoBanana2);
const MODE_IDS = modeIdsOf(nanoBanana2);
/** The request nano-banana-2's form sends. */
const toCreateRequest = (form: FormState) => toSpecRequest(nanoBanana2, form);
const run = promisify(execFile);
const KEY = "sk-export-SECRET-5b1e";
const FIXTURES = path.join(process.cwd(), "e2e/fixtures");
const MEDIA_FILES: Record<ModeId, string[]> = {
  "text-to-video": [],
  "image-to-video": ["still.png"],
  r2v: ["ref-1.jpg", "ref-2.jpg", "ref-3.jpg"],
  "video-edit": ["source.mp4"],
};

let sim: SimServer;
let target: ExportTarget;
let work: string;
/** Simulator URLs of the fixtures, uploaded once, for forms that hold URLs. */
const uploaded = new Map<string, string>();

async function upload(file: string): Promise<string> {
  const form = new FormData();
  form.set("file", new Blob([readFileSync(path.join(FIXTURES, file))]), file);
  const res = await fetch(`${sim.baseUrl}/v1/uploads`, { method: "POST", body: form, headers: { authorization: `Bearer ${KEY}` } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { url: string }).url;
}

/** The request the simulator stored for a task. */
async function receivedRequest(taskId: string): Promise<CreateTaskRequest> {
  const res = await fetch(`${sim.baseUrl}/v1/tasks/${taskId}/request`, { headers: { authorization: `Bearer ${KEY}` } });
  expect(res.status).toBe(200);
  return (await res.json()) as CreateTaskRequest;
}

function formFor(mode: ModeId, prompt: string, extra: Partial<FormState> = {}): FormState {
  const urls = MEDIA_FILES[mode].map((f) => uploaded.get(f)!);
  const media = mediaFieldOf(mode);
  const mediaValue = media === "reference_image_urls" ? { reference_image_urls: urls } : media ? { [media]: urls[0] } : {};
  return { ...INITIAL_FORM_STATE, mode, prompt, ...mediaValue, ...extra };
}

/** Runs a program with a clean environment that holds only the key (as a user's shell would). */
async function exec(cmd: string, args: string[]) {
  const out = path.join(work, `out-${Date.now()}.mp4`);
  const env = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: work,
    LANG: "C.UTF-8",
    UPSTREAM_API_KEY: KEY,
    OUT: out,
  } as unknown as NodeJS.ProcessEnv;
  const { stdout, stderr } = await run(cmd, args, { cwd: work, env, timeout: 60_000, maxBuffer: 1 << 20 });
  const lines = stdout.trim().split("\n");
  return { task: JSON.parse(lines[lines.length - 1]), stderr, out };
}

beforeAll(async () => {
  sim = await startSimServer();
  delete process.env.UPSTREAM_BASE_URL;
  process.env.SIMULATOR_BASE_URL = sim.baseUrl;
  // The scripts download the video from the URL the simulator wrote: this server's (PUBLIC_ORIGIN).
  process.env.PUBLIC_ORIGIN = sim.origin;
  // Tests run back to back, faster than renders end: the queue's bound has its own test (lib/simulator/limits.int.test.ts).
  process.env.SIMULATOR_RENDER_QUEUE = "100";
  process.env.UPSTREAM_API_KEY = KEY;
  process.env.SIMULATOR_QUEUE_MS = "100";
  process.env.SIMULATOR_RUN_MS_PER_SECOND = "50";
  process.env.SIMULATOR_DATA_DIR = mkdtempSync(path.join(os.tmpdir(), "nb2-export-test-"));
  work = mkdtempSync(path.join(os.tmpdir(), "nb2-export-run-"));
  target = { baseUrl: sim.baseUrl, model: "nano-banana-2", referenceCounts: nanoBanana2.referenceCounts, simulated: true };
  for (const file of new Set(Object.values(MEDIA_FILES).flat())) uploaded.set(file, await upload(file));
});

afterAll(async () => {
  await sim.close();
});

describe("copy as curl, run with the system's bash and curl", () => {
  const modes = MODE_IDS;
  HOSTILE_PROMPTS.forEach((prompt, i) => {
    const mode = modes[i % modes.length];
    it(`${mode}: ${JSON.stringify(prompt).slice(0, 40)}…`, async () => {
      const form = formFor(mode, prompt, { aspect_ratio: i % 2 ? "9:16" : "16:9", duration: i % 3 ? 6 : 10 });
      const curl = toCurl(toCreateRequest(form), target);
      expect(curl).not.toContain(KEY);
      const { task } = await exec("bash", ["-c", curl]);
      expect(task.status).toBe("queued");
      expect(await receivedRequest(task.task_id)).toEqual(toCreateRequest(form));
    });
  });
});

describe("copy as script (bash + curl + jq): upload, create, poll, download", () => {
  for (const mode of MODE_IDS) {
    it(`${mode} with local files as arguments`, async () => {
      const form = formFor(mode, `${HOSTILE_PROMPTS[0]} ${HOSTILE_PROMPTS[3]}`, { aspect_ratio: "9:16" });
      const script = path.join(work, `${mode}.sh`);
      writeFileSync(script, toShellScript(toCreateRequest(form), target));
      const { task, stderr, out } = await exec("bash", [script, ...MEDIA_FILES[mode].map((f) => path.join(FIXTURES, f))]);
      expect(task.status).toBe("succeeded");
      expect(stderr).toMatch(/^succeeded 100%$/m);
      const sent = await receivedRequest(task.task_id);
      const expected = toCreateRequest(form);
      const media = mediaFieldOf(mode);
      if (media) {
        // The script uploaded the files itself: fresh URLs, as many as the arguments, in order.
        const urls = ([] as string[]).concat(sent.input[media] as string | string[]);
        expect(urls).toHaveLength(MEDIA_FILES[mode].length);
        for (const url of urls) expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/simulator\/files\//);
        expect(urls).not.toEqual(([] as string[]).concat(expected.input[media] as string | string[]));
        expect({ ...sent.input, [media]: null }).toEqual({ ...expected.input, [media]: null });
      } else {
        expect(sent).toEqual(expected);
      }
      const probe = await probeMp4(out);
      expect({ width: probe.width, height: probe.height }).toEqual({ width: 720, height: 1280 });
    });
  }

  it("uses the form's media URL when no file is given, and refuses a wrong file count", async () => {
    const form = formFor("r2v", HOSTILE_PROMPTS[1]);
    const script = path.join(work, "r2v-urls.sh");
    writeFileSync(script, toShellScript(toCreateRequest(form), target));
    const { task } = await exec("bash", [script]);
    expect(task.status).toBe("succeeded");
    expect(await receivedRequest(task.task_id)).toEqual(toCreateRequest(form));
    const two = ["ref-1.jpg", "ref-2.jpg"].map((f) => path.join(FIXTURES, f));
    await expect(exec("bash", [script, ...two])).rejects.toMatchObject({
      stderr: expect.stringContaining("R2V takes 1 or 3 reference images, not 2."),
    });
  });
});

describe("the same flow in JavaScript (node) and Python (requests)", () => {
  it("JavaScript: Image-to-Video uploads its file and downloads the video", async () => {
    const form = formFor("image-to-video", HOSTILE_PROMPTS[5] + HOSTILE_PROMPTS[2], { duration: 10 });
    const file = path.join(work, "i2v.mjs");
    writeFileSync(file, toJavaScript(toCreateRequest(form), target));
    const { task, out } = await exec("node", [file, path.join(FIXTURES, "still.png")]);
    expect(task.status).toBe("succeeded");
    const sent = await receivedRequest(task.task_id);
    expect({ ...sent.input, image_url: "" }).toEqual({ ...toCreateRequest(form).input, image_url: "" });
    expect((await probeMp4(out)).durationSeconds).toBeCloseTo(10, 1);
  });

  it("JavaScript: Text-to-Video with a hostile prompt", async () => {
    const form = formFor("text-to-video", HOSTILE_PROMPTS[6] + HOSTILE_PROMPTS[4]);
    const file = path.join(work, "t2v.mjs");
    writeFileSync(file, toJavaScript(toCreateRequest(form), target));
    const { task } = await exec("node", [file]);
    expect(task.status).toBe("succeeded");
    expect(await receivedRequest(task.task_id)).toEqual(toCreateRequest(form));
  });

  it("Python: R2V uploads three files; Video Edit uses the form's URL", async () => {
    const r2v = formFor("r2v", HOSTILE_PROMPTS[4] + HOSTILE_PROMPTS[0]);
    writeFileSync(path.join(work, "r2v.py"), toPython(toCreateRequest(r2v), target));
    const a = await exec("python3", [path.join(work, "r2v.py"), ...MEDIA_FILES.r2v.map((f) => path.join(FIXTURES, f))]);
    expect(a.task.status).toBe("succeeded");
    expect((await receivedRequest(a.task.task_id)).input.reference_image_urls).toHaveLength(3);

    const edit = formFor("video-edit", HOSTILE_PROMPTS[2] + HOSTILE_PROMPTS[5]);
    writeFileSync(path.join(work, "edit.py"), toPython(toCreateRequest(edit), target));
    const b = await exec("python3", [path.join(work, "edit.py")]);
    expect(b.task.status).toBe("succeeded");
    expect(await receivedRequest(b.task.task_id)).toEqual(toCreateRequest(edit));
  });
});

describe("gemini-omni-flash: the exported script sends its own values and gets its frame", () => {
  it("bash script: Text-to-Video at 1080P 16:9, 4 s", async () => {
    const flash = getModel("gemini-omni-flash");
    const form: FormState = { ...initialFormState(flash), prompt: HOSTILE_PROMPTS[3], duration: 4, resolution: "1080P" };
    const request = toSpecRequest(flash, form);
    const code = toShellScript(request, { ...target, model: "gemini-omni-flash", referenceCounts: flash.referenceCounts });
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the shell's ${…}, as the script writes it
    expect(code).toContain('OUT="${OUT:-gemini-omni-flash.mp4}"');
    const script = path.join(work, "flash-t2v.sh");
    writeFileSync(script, code);
    const { task, out } = await exec("bash", [script]);
    expect(task).toMatchObject({ status: "succeeded", model: "gemini-omni-flash" });
    expect(await receivedRequest(task.task_id)).toEqual(request);
    const probe = await probeMp4(out);
    expect({ width: probe.width, height: probe.height }).toEqual({ width: 1920, height: 1080 });
    expect(probe.durationSeconds).toBeCloseTo(4, 1);
  });
});

/**
 * The same exports with the server configured for the gateway (UPSTREAM_DIALECT=generation-task): the flat
 * body at `POST {base}/v1/videos/generations`, polls at `GET {base}/v1/videos/generations/{id}` until
 * `completed`, images through `POST {base}/v1/uploads/images`, run against the simulator's gateway routes.
 */
describe("in the gateway's dialect (generation-task), against the simulator's gateway routes", () => {
  let gateway: ExportTarget;
  beforeAll(() => {
    // The simulator's gateway takes the model ids of the configured dialect: the gateway's here.
    process.env.UPSTREAM_DIALECT = "generation-task";
    gateway = {
      baseUrl: `${sim.baseUrl}/gateway`,
      model: "gemini_omni",
      referenceCounts: nanoBanana2.referenceCounts,
      simulated: true,
      dialect: "generation-task",
    };
  });
  afterAll(() => {
    delete process.env.UPSTREAM_DIALECT;
  });
  /** What the simulator understood: the gateway's body read back into the guide's contract. */
  const understood = (form: FormState) => toCreateRequest(form);

  it.each([
    ["text-to-video", 0],
    ["image-to-video", 1],
    ["r2v", 2],
  ] as const)("curl: %s creates the form's task", async (mode, i) => {
    const form = formFor(mode, HOSTILE_PROMPTS[i] + HOSTILE_PROMPTS[i + 3], { aspect_ratio: "9:16", duration: 10 });
    const curl = toCurl(toCreateRequest(form), gateway);
    expect(curl).toContain(`${sim.baseUrl}/gateway/v1/videos/generations`);
    expect(curl).not.toContain(KEY);
    const { task } = await exec("bash", ["-c", curl]);
    expect(task).toMatchObject({ object: "generation.task", status: "queued", model: "gemini_omni" });
    expect(await receivedRequest(task.id)).toEqual(understood(form));
  });

  it("script (bash): R2V uploads three images through /v1/uploads/images, polls until completed, downloads the video", async () => {
    const form = formFor("r2v", `${HOSTILE_PROMPTS[0]} ${HOSTILE_PROMPTS[3]}`);
    const script = path.join(work, "gw-r2v.sh");
    writeFileSync(script, toShellScript(toCreateRequest(form), gateway));
    const files = MEDIA_FILES.r2v.map((f) => path.join(FIXTURES, f));
    const before = sim.requests.length;
    const { task, stderr, out } = await exec("bash", [script, ...files]);
    expect(task).toMatchObject({ status: "completed", result: { type: "video" } });
    expect(stderr).toMatch(/^completed 100%$/m);
    const paths = sim.requests
      .slice(before)
      .map((r) => `${r.method} ${r.path.replace(/task_\w+/, "{id}").replace(/files\/.*/, "files/…")}`);
    expect(paths.slice(0, 4)).toEqual([
      ...Array(3).fill("POST /api/simulator/gateway/v1/uploads/images"),
      "POST /api/simulator/gateway/v1/videos/generations",
    ]);
    expect(paths).toContain("GET /api/simulator/gateway/v1/videos/generations/{id}");
    const sent = await receivedRequest(task.id);
    expect(sent.input.reference_image_urls).toHaveLength(3);
    expect(sent.input.reference_image_urls).not.toEqual(form.reference_image_urls);
    expect({ ...sent.input, reference_image_urls: null }).toEqual({ ...understood(form).input, reference_image_urls: null });
    expect((await probeMp4(out)).width).toBe(1280);
  });

  it("script (bash): Image-to-Video with the form's URL, and a wrong file count refused", async () => {
    const form = formFor("image-to-video", HOSTILE_PROMPTS[6], { aspect_ratio: "9:16" });
    const script = path.join(work, "gw-i2v.sh");
    writeFileSync(script, toShellScript(toCreateRequest(form), gateway));
    const { task, out } = await exec("bash", [script]);
    expect(task.status).toBe("completed");
    expect(await receivedRequest(task.id)).toEqual(understood(form));
    expect((await probeMp4(out)).height).toBe(1280);
    const two = ["ref-1.jpg", "ref-2.jpg"].map((f) => path.join(FIXTURES, f));
    await expect(exec("bash", [script, ...two])).rejects.toMatchObject({
      stderr: expect.stringContaining("Image-to-Video takes exactly 1 first-frame image, not 2."),
    });
  });

  it("JavaScript: Image-to-Video uploads its file; Text-to-Video runs to the video", async () => {
    const i2v = formFor("image-to-video", HOSTILE_PROMPTS[5] + HOSTILE_PROMPTS[2], { duration: 10 });
    writeFileSync(path.join(work, "gw-i2v.mjs"), toJavaScript(toCreateRequest(i2v), gateway));
    const a = await exec("node", [path.join(work, "gw-i2v.mjs"), path.join(FIXTURES, "still.png")]);
    expect(a.task.status).toBe("completed");
    const sent = await receivedRequest(a.task.id);
    expect(sent.input.image_url).toMatch(/\/api\/simulator\/files\/upl_/);
    expect({ ...sent.input, image_url: "" }).toEqual({ ...understood(i2v).input, image_url: "" });
    expect((await probeMp4(a.out)).durationSeconds).toBeCloseTo(10, 1);

    const t2v = formFor("text-to-video", HOSTILE_PROMPTS[6] + HOSTILE_PROMPTS[4]);
    writeFileSync(path.join(work, "gw-t2v.mjs"), toJavaScript(toCreateRequest(t2v), gateway));
    const b = await exec("node", [path.join(work, "gw-t2v.mjs")]);
    expect(b.task.status).toBe("completed");
    expect(await receivedRequest(b.task.id)).toEqual(understood(t2v));
  });

  it("Python: R2V uploads three files and downloads the video", async () => {
    const r2v = formFor("r2v", HOSTILE_PROMPTS[4] + HOSTILE_PROMPTS[0], { aspect_ratio: "9:16" });
    writeFileSync(path.join(work, "gw-r2v.py"), toPython(toCreateRequest(r2v), gateway));
    const { task, out } = await exec("python3", [path.join(work, "gw-r2v.py"), ...MEDIA_FILES.r2v.map((f) => path.join(FIXTURES, f))]);
    expect(task.status).toBe("completed");
    expect((await receivedRequest(task.id)).input.reference_image_urls).toHaveLength(3);
    expect((await probeMp4(out)).height).toBe(1280);
  });

  it("Video Edit where the gateway takes none: every export says so instead of sending a request", async () => {
    const reason =
      "Video Edit is not available on the configured upstream: the generation.task gateway documents no edit mode (no video_urls).";
    const target = { ...gateway, unavailable: { "video-edit": reason } };
    const request = toCreateRequest(formFor("video-edit", "Make it night"));
    const before = sim.requests.length;
    const curl = toCurl(request, target);
    expect(curl).not.toMatch(/^curl/m);
    expect(curl.replace(/\n# /g, " ")).toContain(reason);
    await exec("bash", ["-c", `${curl}\necho '{}'`]);
    for (const [cmd, file, code] of [
      ["bash", "gw-edit.sh", toShellScript(request, target)],
      ["node", "gw-edit.mjs", toJavaScript(request, target)],
      ["python3", "gw-edit.py", toPython(request, target)],
    ]) {
      expect(code).not.toContain('video_urls"');
      writeFileSync(path.join(work, file), code);
      await expect(exec(cmd, [path.join(work, file)])).rejects.toMatchObject({ stderr: expect.stringContaining(reason) });
    }
    expect(sim.requests.length).toBe(before);
  });

  it("Video Edit where the gateway takes video_urls: the form's URL is sent; a local video is refused (images-only uploads)", async () => {
    process.env.UPSTREAM_SUPPORTS_VIDEO_EDIT = "true";
    onTestFinished(() => void delete process.env.UPSTREAM_SUPPORTS_VIDEO_EDIT);
    const form = formFor("video-edit", HOSTILE_PROMPTS[2] + HOSTILE_PROMPTS[5]);
    const request = toCreateRequest(form);
    const curl = toCurl(request, gateway);
    expect(curl).toContain('"video_urls"');
    expect(curl).not.toContain('"duration"');
    const viaCurl = await exec("bash", ["-c", curl]);
    expect(await receivedRequest(viaCurl.task.id)).toEqual(understood(form));
    const script = path.join(work, "gw-edit-ok.sh");
    writeFileSync(script, toShellScript(request, gateway));
    await expect(exec("bash", [script, path.join(FIXTURES, "source.mp4")])).rejects.toMatchObject({
      stderr: expect.stringContaining("takes only image uploads"),
    });
    const { task } = await exec("bash", [script]);
    expect(task.status).toBe("completed");
  });
});

/**
 * "Copy as curl" gives exactly what the app sends upstream: the proxy's create and the exported curl go to
 * the same recording upstream, in each dialect, and must arrive as the same call with the same body.
 */
describe("copy as curl sends what the proxy sends", () => {
  type Seen = { method: string; path: string; authorization?: string; body: unknown };
  let recorder: http.Server;
  let seen: Seen[] = [];
  let recorderUrl: string;
  const saved = { ...process.env };
  beforeAll(async () => {
    recorder = http.createServer(async (req, res) => {
      let text = "";
      for await (const c of req) text += c;
      seen.push({ method: req.method!, path: req.url!, authorization: req.headers.authorization, body: JSON.parse(text) });
      const gatewayTask = {
        id: "task_recorded01",
        object: "generation.task",
        model: "gemini_omni",
        status: "queued",
        progress: 0,
        created_at: 1,
      };
      const contractTask = {
        task_id: "task_recorded01",
        model: "nano-banana-2",
        mode: "text-to-video",
        status: "queued",
        created_at: new Date(0).toISOString(),
      };
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(req.url === "/v1/tasks" ? contractTask : gatewayTask));
    });
    await new Promise<void>((resolve) => recorder.listen(0, "127.0.0.1", resolve));
    recorderUrl = `http://127.0.0.1:${(recorder.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => recorder.close(resolve));
    process.env = saved;
  });

  for (const dialect of ["generation-task", "task-contract"] as const) {
    it.each(["text-to-video", "image-to-video", "r2v", "video-edit"] as const)(`${dialect}: %s`, async (mode) => {
      Object.assign(process.env, {
        UPSTREAM_BASE_URL: recorderUrl,
        UPSTREAM_DIALECT: dialect,
        UPSTREAM_MODEL: "model-under-test",
        UPSTREAM_SUPPORTS_VIDEO_EDIT: "true",
      });
      for (const name of ["CREATE_PER_MINUTE", "CREATE_PER_DAY"]) process.env[`RATE_LIMIT_${name}`] = "0";
      const request = toCreateRequest(formFor(mode, HOSTILE_PROMPTS[1] + HOSTILE_PROMPTS[4], { aspect_ratio: "9:16", duration: 10 }));
      seen = [];
      const res = await createTask(request, new Headers({ host: "localhost:3000" }));
      expect(res.status).toBe(200);
      const curl = toCurl(request, {
        baseUrl: recorderUrl,
        model: "model-under-test",
        referenceCounts: nanoBanana2.referenceCounts,
        simulated: false,
        dialect,
      });
      await exec("bash", ["-c", curl]);
      expect(seen).toHaveLength(2);
      const [proxy, copied] = seen;
      expect(copied).toEqual({ ...proxy, authorization: `Bearer ${KEY}` });
      expect(proxy.path).toBe(dialect === "generation-task" ? "/v1/videos/generations" : "/v1/tasks");
    });
  }
});
