import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { HOSTILE_PROMPTS } from "./hostile";
import { shellQuote } from "./shell";

/** What a real shell makes of the quoted word. */
function echoThrough(shell: string, word: string): string {
  return execFileSync(shell, ["-c", `printf '%s' ${word}`], { encoding: "utf8" });
}

describe("shellQuote in real shells", () => {
  for (const shell of ["bash", "sh"]) {
    it(`every hostile value survives ${shell} byte for byte`, () => {
      for (const value of [...HOSTILE_PROMPTS, "", "'", "''", "\\'", "a'b'c"]) {
        expect(echoThrough(shell, shellQuote(value))).toBe(value);
      }
    });
  }
});
