import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { faultAt, SCENARIO_IDS } from "./scenarios";

describe("faultAt", () => {
  it("follows the script by attempt, then answers normally or repeats the last step", () => {
    const step = { kind: "chat-endpoint" } as const;
    expect(faultAt({ steps: [null, step] }, 1)).toBeNull();
    expect(faultAt({ steps: [null, step] }, 2)).toBe(step);
    expect(faultAt({ steps: [null, step] }, 3)).toBeNull();
    expect(faultAt({ steps: [step], repeat: true }, 9)).toBe(step);
    expect(faultAt(undefined, 1)).toBeNull();
  });
});

describe("the docs", () => {
  it("docs/rehearse-failures.md documents every scenario name", () => {
    const doc = readFileSync(path.join(process.cwd(), "docs", "rehearse-failures.md"), "utf8");
    for (const id of SCENARIO_IDS) expect(doc).toContain(`| \`${id}\` |`);
  });
});
