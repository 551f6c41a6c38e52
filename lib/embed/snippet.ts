/**
 * What a host page needs to embed the playground: the iframe, and a few lines that set its height from
 * the embed's messages, so it grows and shrinks with its content and never shows a scrollbar. The Embed
 * dialog, docs/embedding.md and the end-to-end host page all use this one snippet.
 */
import { EMBED_MESSAGES } from "./messages";

/** Where a model's embed lives. */
export function embedPath(modelId: string): string {
  return `/embed/${modelId}`;
}

const escapeAttr = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/** The HTML to paste into a host page for the embed of `modelName` at `src` (an absolute URL). */
export function embedSnippet(src: string, modelName: string): string {
  const origin = new URL(src).origin;
  return `<iframe src="${escapeAttr(src)}" title="${escapeAttr(modelName)} playground" style="width:100%;height:640px;border:0" allow="clipboard-write"></iframe>
<script>
  // Sizes every playground embed from this origin on this page to its content.
  window.addEventListener("message", function (event) {
    if (event.origin !== ${JSON.stringify(origin)} || !event.data || event.data.type !== ${JSON.stringify(EMBED_MESSAGES.resize)}) return;
    document.querySelectorAll("iframe").forEach(function (frame) {
      if (frame.contentWindow === event.source) frame.style.height = event.data.height + "px";
    });
  });
</script>`;
}
