import { createRequire } from "node:module";
import path from "node:path";
import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

/**
 * next-intl's messages are precompiled at load (lib/i18n/index.ts, icu-minify), so the browser needs its
 * format-only runtime, not the ICU parser (intl-messageformat) that `use-intl/format-message` would
 * bring: the alias next-intl's plugin sets itself when its own catalogue loader precompiles. Measured
 * with bench:web (same day): the first load's scripts +12.5 KiB gz over main with the parser, +3.7 KiB without.
 */
const formatOnly = `./${path.relative(process.cwd(), createRequire(import.meta.url).resolve("use-intl/format-message/format-only"))}`;

const nextConfig: NextConfig = {
  turbopack: { resolveAlias: { "use-intl/format-message": formatOnly } },
  // No framework fingerprint in responses.
  poweredByHeader: false,
  // `next dev` refuses its HMR WebSocket to pages from any host but localhost (and the one given with -H),
  // and Next 16 sends React's debug channel over that socket: the app opened at 127.0.0.1 would never
  // hydrate. The loopback addresses are the same machine as localhost; other sites stay refused.
  allowedDevOrigins: ["127.0.0.1", "[::1]"],
  // `/` and `/models…` are English (app/[locale] with locale "en"). A config rewrite is internal whatever
  // host the server was started with; a rewrite from proxy.ts to request.nextUrl could point at another
  // host (localhost vs 127.0.0.1) and loop.
  async rewrites() {
    return {
      beforeFiles: [
        // Each guide as Markdown at its own URL plus `.md` (app/markdown/); before `/models/:model`, which would take the `.md`.
        { source: "/models/:model.md", destination: "/markdown/en/:model" },
        { source: "/:locale/models/:model.md", destination: "/markdown/:locale/:model" },
        { source: "/", destination: "/en" },
        { source: "/models", destination: "/en/models" },
        { source: "/models/:model", destination: "/en/models/:model" },
      ],
      afterFiles: [],
      fallback: [],
    };
  },
  // Next copies the body of every request proxy.ts runs for into memory (default: up to 10 MB, even when
  // the proxy refuses it). proxy.ts refuses bodies above 64 KiB from their headers; this bounds the copy
  // to the same size (the upload routes, which take files, are outside the proxy's matcher).
  experimental: { proxyClientMaxBodySize: 64 * 1024 },
  // The ffmpeg binary is resolved at run time from node_modules; bundling it would break the path.
  serverExternalPackages: ["@ffmpeg-installer/ffmpeg"],
  // The simulator reads its font from lib/simulator/assets at run time.
  outputFileTracingIncludes: {
    "/api/simulator/**": ["./lib/simulator/assets/**"],
  },
  // Build assets skip proxy.ts (which sets the full set, CSP included, on pages and API answers):
  // they still must never be MIME-sniffed or leak the full URL as a referrer.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
        ],
      },
      {
        // The one-tag embed (public/embed.js) is pasted into other sites at this fixed URL, so it carries no
        // content hash: an hour in caches bounds how long a fix takes to reach them, and a stale copy may be
        // used while it is fetched again. Loaded as a classic script, it needs no CORS.
        source: "/embed.js",
        headers: [{ key: "Cache-Control", value: "public, max-age=3600, stale-while-revalidate=86400" }],
      },
      {
        // The recordings shipped in public/recordings change only with a release; a day is plenty.
        source: "/recordings/:path*",
        headers: [{ key: "Cache-Control", value: "public, max-age=86400" }],
      },
    ];
  },
};

// next-intl: its request configuration (the locale and catalogue server components translate with).
const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

export default withNextIntl(nextConfig);
