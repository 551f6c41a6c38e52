import { describe, expect, it } from "vitest";
import { SAVED_RUN_FORMAT, SAVED_RUN_VERSION, type SavedRun } from "@/lib/runs/saved-run";
import { entryLabels } from "./compare-view";

function run(prompt: string, aspect_ratio: "16:9" | "9:16" = "16:9"): SavedRun {
  return {
    format: SAVED_RUN_FORMAT,
    version: SAVED_RUN_VERSION,
    id: prompt,
    model: "nano-banana-2",
    mode: "text-to-video",
    ranAt: new Date(0).toISOString(),
    request: { model: "nano-banana-2", mode: "text-to-video", input: { prompt, aspect_ratio, resolution: "720P", duration: 6 } },
    startedAt: 0,
    exchanges: [],
    waits: [],
    notes: [],
  };
}
const secs = (n: number) => `${n}s`;

describe("entryLabels", () => {
  it("tells apart runs that differ only in their prompts by the start of the prompt", () => {
    expect(entryLabels([run("Alpha run"), run("A much longer prompt about a bravo run at dawn")], secs)).toEqual([
      "#1 nano-banana-2 · Text-to-Video · 16:9 · 6s · Alpha run",
      "#2 nano-banana-2 · Text-to-Video · 16:9 · 6s · A much longer prompt about…",
    ]);
  });

  it("leaves labels that already differ as they are", () => {
    expect(entryLabels([run("Alpha run"), run("Bravo run", "9:16"), undefined], secs)).toEqual([
      "#1 nano-banana-2 · Text-to-Video · 16:9 · 6s",
      "#2 nano-banana-2 · Text-to-Video · 9:16 · 6s",
      "#3",
    ]);
  });
});
