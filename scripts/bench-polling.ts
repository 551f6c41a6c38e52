/**
 * `npm run bench:polling`: runs every fault scenario the way the playground does (the TanStack Query
 * options of lib/client/task-queries.ts: the retry policy and the polling intervals of the spec) against the
 * proxy and the real simulator at its default timings (a 6 s clip: 1.5 s queued + 6 s running), and prints
 * how many requests reached the upstream per scenario and how long the client took to see the end. The
 * yardstick runs the same scenarios polling as the real gateway's docs advise (a first look after 5 s,
 * then every 10 s), with the same retries. A change of POLLING or RETRY in the spec shows up here as a number.
 */
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { it } from "vitest";
import { isTerminal } from "@/lib/polling";
import { SCENARIO_IDS } from "@/lib/simulator/scenarios";
import { POLLING, RETRY } from "@/lib/spec/contract";
import { type PollSchedule, runScenario, type ScenarioResult } from "@/lib/testing/scenario-run";
import { startSimServer } from "@/lib/testing/sim-server";

/** The gateway's advice: look after 5 s, then every 10 s. The create's answer is the query's first data. */
const ADVISED: PollSchedule = (query) => (isTerminal(query.state.data?.status) ? false : query.state.dataUpdateCount <= 1 ? 5000 : 10_000);

it("prints upstream requests per scenario, against the gateway's advised schedule", async () => {
  const sim = await startSimServer();
  delete process.env.UPSTREAM_BASE_URL;
  process.env.SIMULATOR_BASE_URL = sim.baseUrl;
  process.env.UPSTREAM_API_KEY = "sk-bench";
  process.env.UPSTREAM_TIMEOUT_MS = "3000";
  process.env.SIMULATOR_QUEUE_MS = "1500";
  process.env.SIMULATOR_RUN_MS_PER_SECOND = "1000";
  process.env.SIMULATOR_DATA_DIR = mkdtempSync(path.join(os.tmpdir(), "nb2-bench-"));
  try {
    const [ours, advised] = await Promise.all([
      Promise.all(SCENARIO_IDS.map((id) => runScenario(sim, id))),
      Promise.all(SCENARIO_IDS.map((id) => runScenario(sim, id, { schedule: ADVISED }))),
    ]);
    const requests = (r: ScenarioResult) => r.upstreamCreates + r.upstreamPolls;
    const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    const rows = ours.map((r, i) => [
      r.scenario,
      r.outcome,
      String(r.upstreamCreates),
      String(r.upstreamPolls),
      `${requests(r)} (${requests(advised[i])})`,
      String(r.tasks),
      `${r.waits} (${seconds(r.waitedMs)})`,
      `${seconds(r.elapsedMs)} (${seconds(advised[i].elapsedMs)})`,
    ]);
    const head = [
      "scenario",
      "client ends with",
      "creates",
      "polls",
      "upstream requests (advised)",
      "tasks created",
      "policy waits",
      "wall time (advised)",
    ];
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join("  ");
    const total = (rs: ScenarioResult[]) => rs.reduce((n, r) => n + requests(r), 0);
    const wall = (rs: ScenarioResult[]) => rs.reduce((n, r) => n + r.elapsedMs, 0);
    console.log(
      [
        `Polling: first ${POLLING.firstIntervalMs} ms, ×${POLLING.growth}, max ${POLLING.maxIntervalMs} ms. ` +
          `429: ${RETRY.rateLimit.baseDelayMs} ms ×${RETRY.rateLimit.factor}, ${RETRY.rateLimit.maxRetries} retries. ` +
          `5xx: ${RETRY.transient.delaysMs.join("/")} ms. Proxy timeout 3000 ms. Simulated task: 1.5 s queued + 6 s running.`,
        "In brackets, the yardstick: the same scenarios polled as the gateway's docs advise (first look after 5 s, then every 10 s).",
        "",
        line(head),
        line(widths.map((w) => "-".repeat(w))),
        ...rows.map(line),
        "",
        `Total over ${ours.length} scenarios: ${total(ours)} upstream requests, ${seconds(wall(ours))} of wall time ` +
          `(advised: ${total(advised)} requests, ${seconds(wall(advised))}).`,
      ].join("\n"),
    );
  } finally {
    await sim.close();
  }
}, 120_000);
