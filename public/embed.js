/*!
 * The playground's one-tag embed (docs/embedding.md). Put
 *   <script src="https://playground.example.com/embed.js" data-model="nano-banana-2" data-mode="r2v"></script>
 * where the playground should appear: this script puts the embed's iframe right after its own tag, sizes
 * it to the embed's content (the embed posts its height), and gives it the host page's theme unless
 * data-theme says otherwise. Several tags on one page make several independent embeds. No dependencies:
 * it runs on other sites' pages, as a classic script, async or defer or neither.
 */
(() => {
  const RESIZE = "nano-banana-2:resize";
  const THEME = "nano-banana-2:theme";
  // data-* attribute → the embed's query parameter (lib/embed/preset.ts and the recording player read them).
  const PARAMS = {
    mode: "mode",
    prompt: "prompt",
    duration: "duration",
    aspectRatio: "aspect_ratio",
    resolution: "resolution",
    panels: "panels",
    lang: "lang",
    recording: "recording",
    speed: "speed",
    live: "live",
  };

  /** "dark" or "light" as the host shows it at `el`: its CSS color-scheme if it names one, else the system's. */
  function hostScheme(el) {
    let scheme = "";
    try {
      scheme = getComputedStyle(el).colorScheme || "";
    } catch (e) {}
    const words = scheme.split(/\s+/);
    const dark = words.indexOf("dark") >= 0;
    const light = words.indexOf("light") >= 0;
    if (dark !== light) return dark ? "dark" : "light";
    return window.matchMedia && matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  }

  function mount(script) {
    if (script.__playgroundEmbed) return;
    script.__playgroundEmbed = true;
    const d = script.dataset;
    const origin = new URL(script.src, location.href).origin;
    const model = d.model || "nano-banana-2";
    const query = new URLSearchParams();
    for (const key in PARAMS) if (d[key]) query.set(PARAMS[key], d[key]);
    const follow = !d.theme || d.theme === "auto";
    // The host's parent element, not the script, so a section styled dark on a light page counts.
    const anchor = script.parentElement || document.documentElement;
    let theme = follow ? hostScheme(anchor) : d.theme;
    query.set("theme", theme);

    const frame = document.createElement("iframe");
    frame.src = `${origin}/embed/${encodeURIComponent(model)}?${query}`;
    frame.title = d.title || `${model} playground`;
    frame.setAttribute("allow", "clipboard-write");
    frame.style.cssText = `display:block;width:100%;border:0;height:${+d.height || 640}px`;
    script.parentNode.insertBefore(frame, script.nextSibling);

    window.addEventListener("message", (event) => {
      const data = event.data;
      if (event.origin !== origin || event.source !== frame.contentWindow || !data || data.type !== RESIZE) return;
      if (typeof data.height === "number" && data.height > 0) frame.style.height = `${Math.ceil(data.height)}px`;
    });

    if (!follow) return;
    function sync() {
      const next = hostScheme(anchor);
      if (next === theme || !frame.contentWindow) return;
      theme = next;
      frame.contentWindow.postMessage({ type: THEME, theme: theme }, origin);
    }
    if (window.matchMedia) matchMedia("(prefers-color-scheme: dark)").addEventListener("change", sync);
    // Docs sites switch themes by a class, an attribute or a style on <html> or <body>.
    const watch = new MutationObserver(sync);
    const opts = { attributes: true, attributeFilter: ["class", "style", "data-theme", "data-color-scheme"] };
    watch.observe(document.documentElement, opts);
    if (document.body) watch.observe(document.body, opts);
  }

  // document.currentScript is this tag while it runs (async and defer included); a loader that runs the
  // code another way leaves it null, and then every tag of this script not yet mounted is (those with a
  // data-model: another vendor's embed.js on the same page is left alone).
  const me = document.currentScript;
  if (me?.dataset) mount(me);
  else for (const tag of document.querySelectorAll('script[src$="/embed.js"][data-model]')) mount(tag);
})();
