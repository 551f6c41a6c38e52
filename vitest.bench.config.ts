import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/**
 * `npm run bench:polling`: the bench script runs under Vitest for its TypeScript and `@/` alias handling
 * (the same aliases as vitest.config.ts; a merged config would also merge in every unit test). Each bench
 * script picks its file by name: `vitest run --config vitest.bench.config.ts bench-polling`.
 */
export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./", import.meta.url)),
      "server-only": fileURLToPath(new URL("./lib/testing/server-only-stub.ts", import.meta.url)),
    },
  },
  test: { include: ["scripts/bench-*.ts"], environment: "node", reporters: ["dot"], silent: false, testTimeout: 120_000 },
});
