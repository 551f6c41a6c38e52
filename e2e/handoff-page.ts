import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, type Page } from "@playwright/test";
import { E2E_KEY } from "../playwright.config";

const run = promisify(execFile);

/** The hand-off part of the playground: copy buttons, the format choice and the import form. */
export class HandoffPanel {
  constructor(readonly page: Page) {}

  /** Picks a format (a radio of the "Hand-off format" group) by its label, as a reader clicks it. */
  async format(label: string) {
    const radio = this.page.getByRole("radio", { name: label, exact: true });
    await this.page.locator("label").filter({ has: radio }).click();
    await expect(radio).toBeChecked();
  }

  async clipboard(): Promise<string> {
    return this.page.evaluate(() => navigator.clipboard.readText());
  }

  /** Picks a code format and clicks its copy button; returns what landed on the clipboard. */
  async copy(format: "curl" | "Shell script" | "JavaScript" | "Python"): Promise<string> {
    await this.format(format);
    const button = this.page.getByRole("button", {
      name: { curl: "Copy as curl", "Shell script": "Copy as script", JavaScript: "Copy as JavaScript", Python: "Copy as Python" }[format],
    });
    await button.click();
    await expect(button).toHaveText("Copied");
    return this.clipboard();
  }

  async import(text: string) {
    await this.format("Import");
    await this.page.getByLabel("Paste a curl command or a request JSON").fill(text);
    await this.page.getByRole("button", { name: "Import into the form" }).click();
    await expect(this.page.getByRole("status", { name: "Import result" })).toBeVisible();
  }

  async copyLink(): Promise<string> {
    await this.page.getByRole("button", { name: "Copy link" }).click();
    await expect(this.page.getByRole("button", { name: "Link copied" })).toBeVisible();
    return this.clipboard();
  }
}

/**
 * Runs exported code with the system's bash, curl and jq, as a user would: a clean environment that
 * holds only PATH and the key (the simulator of the test server requires it).
 */
export async function runInBash(
  code: string,
  asScript = false,
): Promise<{ stdout: string; stderr: string; task: { task_id: string; status: string } }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "nb2-e2e-export-"));
  const env = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: dir,
    LANG: "C.UTF-8",
    UPSTREAM_API_KEY: E2E_KEY,
    OUT: path.join(dir, "video.mp4"),
  } as unknown as NodeJS.ProcessEnv;
  let args = ["-c", code];
  if (asScript) {
    writeFileSync(path.join(dir, "script.sh"), code);
    args = [path.join(dir, "script.sh")];
  }
  const { stdout, stderr } = await run("bash", args, { cwd: dir, env, timeout: 60_000 });
  const lines = stdout.trim().split("\n");
  return { stdout, stderr, task: JSON.parse(lines[lines.length - 1]) };
}
