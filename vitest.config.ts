import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/** Where the tests live; a `*.int.test.ts` file is an integration test, any other `*.test.ts` a unit test. */
const DIRS = ["lib", "app", "components", "bench"];

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./", import.meta.url)),
      // `server-only` throws outside a React Server Component bundle; the tests run server code directly.
      "server-only": fileURLToPath(new URL("./lib/testing/server-only-stub.ts", import.meta.url)),
      // As in next.config.ts: messages are precompiled (lib/i18n), formatted by use-intl's format-only runtime.
      "use-intl/format-message": createRequire(import.meta.url).resolve("use-intl/format-message/format-only"),
    },
  },
  test: {
    environment: "node",
    // Bundled by Vite (not loaded by Node as they are), so the format-only alias above reaches use-intl's own import.
    server: { deps: { inline: ["use-intl", "next-intl"] } },
    projects: [
      {
        // `npm run test:unit`: logic only. No server, ffmpeg, Redis, child process or socket (the setup file refuses them).
        extends: true,
        test: {
          name: "unit",
          include: DIRS.map((d) => `${d}/**/*.test.ts`),
          exclude: DIRS.map((d) => `${d}/**/*.int.test.ts`),
          setupFiles: ["lib/testing/unit-guard.ts"],
        },
      },
      {
        // `npm run test:integration`: route handlers against the real simulator, ffmpeg, Redis, real shells, big uploads.
        extends: true,
        test: {
          name: "integration",
          include: DIRS.map((d) => `${d}/**/*.int.test.ts`),
          testTimeout: 30_000,
        },
      },
    ],
  },
});
