import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * The yardstick: a bare Next page with one small client form, built with the very next/react the
 * playground uses (resolved from the repository's node_modules), so the two differ only in our code.
 */
const nextConfig = {
  poweredByHeader: false,
  // The installed packages live two folders up; Turbopack must be allowed to read them.
  turbopack: { root },
};

export default nextConfig;
