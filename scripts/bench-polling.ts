/**
 * `npm run bench:polling`: runs every fault scenario the way the playground does (lib/client/task-flow,
 * the retry policy and the polling intervals of the spec) against the proxy and the real simulator at its
 * default timings (a 6 s clip: 1.5 s queued + 6 s running), and prints how many requests reached the
 * upstream per scenario. A change of POLLING or RETRY in the spec shows up here as a number.
 */
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { it } from "vitest";
import { POLLING, RETRY } from "@/lib/spec/contract";
import { SCENARIO_IDS } from "@/lib/simulator/scenarios";
import { startSimServer } from "@/lib/testing/sim-server";
import { runScenario } from "@/lib/testing/scenario-run";

it("prints upstream requests per scenario", async () => {
  const sim = await startSimServer();
  delete process.env.UPSTREAM_BASE_URL;
  process.env.SIMULATOR_BASE_URL = sim.baseUrl;
  process.env.UPSTREAM_API_KEY = "sk-bench";
  process.env.UPSTREAM_TIMEOUT_MS = "3000";
  process.env.SIMULATOR_QUEUE_MS = "1500";
  process.env.SIMULATOR_RUN_MS_PER_SECOND = "1000";
  process.env.SIMULATOR_DATA_DIR = mkdtempSync(path.join(os.tmpdir(), "nb2-bench-"));
  try {
    const results = await Promise.all(SCENARIO_IDS.map((id) => runScenario(sim, id)));
    const rows = results.map((r) => [
      r.scenario,
      r.outcome,
      String(r.upstreamCreates),
      String(r.upstreamPolls),
      String(r.upstreamCreates + r.upstreamPolls),
      String(r.tasks),
      `${r.waits} (${(r.waitedMs / 1000).toFixed(1)} s)`,
      `${(r.elapsedMs / 1000).toFixed(1)} s`,
    ]);
    const head = ["scenario", "client ends with", "creates", "polls", "upstream requests", "tasks created", "policy waits", "wall time"];
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join("  ");
    const total = results.reduce((n, r) => n + r.upstreamCreates + r.upstreamPolls, 0);
    console.log(
      [
        `Polling: first ${POLLING.firstIntervalMs} ms, ×${POLLING.growth}, max ${POLLING.maxIntervalMs} ms. ` +
          `429: ${RETRY.rateLimit.baseDelayMs} ms ×${RETRY.rateLimit.factor}, ${RETRY.rateLimit.maxRetries} retries. ` +
          `5xx: ${RETRY.transient.delaysMs.join("/")} ms. Proxy timeout 3000 ms. Simulated task: 1.5 s queued + 6 s running.`,
        "",
        line(head),
        line(widths.map((w) => "-".repeat(w))),
        ...rows.map(line),
        "",
        `Total upstream requests over ${results.length} scenarios: ${total}`,
      ].join("\n"),
    );
  } finally {
    await sim.close();
  }
}, 120_000);
