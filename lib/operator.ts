import "server-only";
import { simulatorEnabled } from "@/lib/config";
import { ApiError, newRequestId } from "@/lib/errors";
import { tokenMatches } from "@/lib/security/access";
import { clientOf } from "@/lib/security/guard";
import { deploymentBudget } from "@/lib/security/rate-limit";
import { engineState } from "@/lib/simulator/engine";
import { simulatorLimits } from "@/lib/simulator/limits";
import { upstreamPollCount } from "@/lib/upstream/poll-cache";

/**
 * The operator's view of what the deployment spends (GET /api/operator): the deployment's daily budget
 * of task creations, this instance's upstream polls, memory, and the simulator's disk and queue. Shown
 * to a request with `Authorization: Bearer <PLAYGROUND_ACCESS_TOKEN>` or from loopback (the machine
 * itself: with TRUSTED_PROXY_COUNT right, a reverse proxy's clients are never loopback); visitors get 404.
 */
export function isOperator(headers: Headers): boolean {
  const bearer = /^Bearer (.+)$/.exec(headers.get("authorization") ?? "");
  if (bearer && tokenMatches(bearer[1])) return true;
  const client = clientOf(headers);
  return client.startsWith("127.") || client === "0:0:0:0::/64";
}

export async function operatorView(headers: Headers): Promise<Response> {
  const requestId = newRequestId();
  if (!isOperator(headers)) throw new ApiError(404, "not_found_error", "Not found.", { requestId });
  const budget = await deploymentBudget();
  let simulator: Record<string, number> | null = null;
  if (simulatorEnabled()) {
    const { disk, renders, downloads } = engineState();
    await disk.sweep();
    const limits = simulatorLimits();
    simulator = {
      disk_used_bytes: disk.usedBytes,
      disk_limit_bytes: limits.maxDiskBytes,
      renders_in_flight: renders.inFlight,
      render_queue: limits.renderQueue,
      downloads_in_flight: downloads.inUse,
    };
  }
  return Response.json(
    {
      deployment_budget: { creates_today: budget.used, limit: budget.limit, resets_at: budget.resetsAt },
      upstream_polls_since_start: upstreamPollCount(),
      memory_rss_bytes: process.memoryUsage().rss,
      simulator,
    },
    { headers: { "cache-control": "no-store", "x-request-id": requestId } },
  );
}
