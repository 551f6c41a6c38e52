import { describe, expect, it } from "vitest";
import { embedScriptSnippet } from "./snippet";

describe("embedScriptSnippet", () => {
  it("is one script tag from the embed's origin, with the embed's configuration as data attributes", () => {
    const tag = embedScriptSnippet(
      "https://play.example/embed/nano-banana-2?mode=r2v&prompt=A%20%22quoted%22%20%26%20%3Cb%3E&aspect_ratio=9%3A16&theme=dark",
    );
    expect(tag).toBe(
      '<script src="https://play.example/embed.js" data-model="nano-banana-2" data-mode="r2v" data-prompt="A &quot;quoted&quot; &amp; &lt;b>" data-aspect-ratio="9:16" data-theme="dark"></script>',
    );
  });
});
