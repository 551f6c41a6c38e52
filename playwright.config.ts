import { defineConfig, devices } from "@playwright/test";
import { chromiumLaunchOptions } from "./e2e/browser";

/**
 * End-to-end tests run against `next build && next start` (never `next dev`) on the embedded
 * simulator, with a known key so the tests can prove it never leaves the server.
 */
const PORT = Number(process.env.E2E_PORT ?? 3107);
export const E2E_KEY = "sk-e2e-SECRET-d41d8cd98f00b204";
/**
 * The embed tests serve a host page from a tiny node:http server on this port. As 127.0.0.1 it is an
 * allowed embedding origin; as localhost (same server, another origin) it is not.
 */
export const EMBED_HOST_PORT = Number(process.env.E2E_EMBED_HOST_PORT ?? PORT + 1000);
export const EMBED_HOST_ALLOWED = `http://127.0.0.1:${EMBED_HOST_PORT}`;
export const EMBED_HOST_REFUSED = `http://localhost:${EMBED_HOST_PORT}`;
/** The folder the app serves under /recordings besides the shipped ones (RECORDINGS_DIR). */
export const E2E_RECORDINGS_DIR = ".data/e2e-recordings";
/** A second server of the same build with UPSTREAM_DIALECT=generation-task: the proxy facing the simulator in the gateway's dialect. */
const GATEWAY_PORT = Number(process.env.E2E_GATEWAY_PORT ?? PORT + 1);

const serverEnv = {
  UPSTREAM_BASE_URL: "",
  UPSTREAM_API_KEY: E2E_KEY,
  // The slow-upstream scenario waits past this; 2 s keeps that test short.
  UPSTREAM_TIMEOUT_MS: "2000",
  SIMULATOR_QUEUE_MS: "400",
  SIMULATOR_RUN_MS_PER_SECOND: "250",
  // Every test comes from 127.0.0.1 and runs many tasks in a few minutes: the limits have their
  // own tests (app/api/security.test.ts, e2e/instances.spec.ts), so keep them out of the way here.
  RATE_LIMIT_CREATE_PER_MINUTE: "500",
  RATE_LIMIT_CREATE_PER_DAY: "5000",
  DEPLOYMENT_CREATE_PER_DAY: "5000",
  RATE_LIMIT_UPLOAD_PER_MINUTE: "500",
  RATE_LIMIT_UPLOAD_PER_DAY: "5000",
  RATE_LIMIT_POLL_PER_MINUTE: "10000",
  // The simulator's own caps on renders (lib/simulator/limits.ts) have their own tests too.
  SIMULATOR_TASKS_PER_CLIENT: "100",
  SIMULATOR_RENDER_QUEUE: "100",
  PLAYGROUND_ACCESS_TOKEN: "",
  REDIS_URL: "",
};

export default defineConfig({
  testDir: "./e2e",
  timeout: 90_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    launchOptions: chromiumLaunchOptions(),
  },
  projects: [
    { name: "chromium", testIgnore: /gateway\.spec\.ts/, use: { ...devices["Desktop Chrome"], launchOptions: chromiumLaunchOptions() } },
    {
      name: "generation-task",
      testMatch: /gateway\.spec\.ts/,
      use: { ...devices["Desktop Chrome"], baseURL: `http://127.0.0.1:${GATEWAY_PORT}`, launchOptions: chromiumLaunchOptions() },
    },
  ],
  // Web servers start in order: the first builds, the second serves the same build in the other dialect.
  webServer: [
    {
      command: "npm run build && node scripts/serve-with-log.mjs",
      url: `http://127.0.0.1:${PORT}/api/health`,
      timeout: 300_000,
      reuseExistingServer: !process.env.CI,
      stdout: "pipe",
      stderr: "pipe",
      env: {
        ...serverEnv,
        PORT: String(PORT),
        // Media URLs and the OpenAPI document's server come from here, never from the Host header.
        PUBLIC_ORIGIN: `http://127.0.0.1:${PORT}`,
        SIMULATOR_DATA_DIR: ".data/e2e-simulator",
        E2E_SERVER_LOG: ".data/e2e-server.log",
        EMBED_ALLOWED_ORIGINS: EMBED_HOST_ALLOWED,
        // e2e/recordings.spec.ts puts a recording saved from the page here and plays it from /recordings/….
        RECORDINGS_DIR: E2E_RECORDINGS_DIR,
      },
    },
    {
      command: "node scripts/serve-with-log.mjs",
      url: `http://127.0.0.1:${GATEWAY_PORT}/api/health`,
      timeout: 120_000,
      reuseExistingServer: !process.env.CI,
      stdout: "pipe",
      stderr: "pipe",
      env: {
        ...serverEnv,
        PORT: String(GATEWAY_PORT),
        PUBLIC_ORIGIN: `http://127.0.0.1:${GATEWAY_PORT}`,
        UPSTREAM_DIALECT: "generation-task",
        SIMULATOR_DATA_DIR: ".data/e2e-gateway-simulator",
        E2E_SERVER_LOG: ".data/e2e-gateway-server.log",
      },
    },
  ],
});
