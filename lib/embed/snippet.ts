/**
 * What a host page needs to embed the playground: one script tag (public/embed.js puts the iframe where
 * the tag stands and sizes it), or, where a page cannot load scripts from us, the iframe and a few lines that set its height from
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

/** The query parameters of an embed URL and the data-* attributes of the script tag that asks for them. */
const DATA_ATTRIBUTES: Record<string, string> = {
  mode: "data-mode",
  prompt: "data-prompt",
  duration: "data-duration",
  aspect_ratio: "data-aspect-ratio",
  resolution: "data-resolution",
  theme: "data-theme",
  panels: "data-panels",
  lang: "data-lang",
  recording: "data-recording",
  speed: "data-speed",
  live: "data-live",
};

/**
 * The one script tag for the embed at `src` (an absolute URL of `/embed/{model}` with its query): the
 * same configuration as data-* attributes of `{origin}/embed.js`. Without `theme` the embed follows the
 * host page's color scheme.
 */
export function embedScriptSnippet(src: string): string {
  const url = new URL(src);
  const model = decodeURIComponent(url.pathname.replace(/^\/embed\//, ""));
  const attrs = [`src="${escapeAttr(`${url.origin}/embed.js`)}"`, `data-model="${escapeAttr(model)}"`];
  for (const [name, value] of url.searchParams) {
    const attr = DATA_ATTRIBUTES[name];
    if (attr) attrs.push(`${attr}="${escapeAttr(value)}"`);
  }
  return `<script ${attrs.join(" ")}></script>`;
}
