import starlight from "@astrojs/starlight";
import { defineConfig } from "astro/config";

// A small Starlight documentation site whose page embeds the playground with the one script tag.
// `__PLAYGROUND_ORIGIN__` is the playground's origin; the test's host puts the real one in when serving.
export default defineConfig({
  base: "/docs",
  trailingSlash: "always",
  integrations: [starlight({ title: "Acme Video API", pagefind: false })],
});
