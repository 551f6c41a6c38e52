import "server-only";
import { upstreamConfig } from "@/lib/config";
import { ApiError } from "@/lib/errors";
import { GATEWAY_ANSWERS } from "@/lib/spec/contract";
import { type Fault, SCENARIO_IDS, type Scenario, scenarioById } from "./scenarios";

/**
 * Applies the scenarios of `scenarios.ts` to the simulator's answers: counts create attempts per
 * Idempotency-Key and polls per task, and turns a fault into the answer a misbehaving upstream gives.
 */

type CounterGlobal = { __nb2FaultCounters?: Map<string, number> };

function counters(): Map<string, number> {
  const g = globalThis as CounterGlobal;
  g.__nb2FaultCounters ??= new Map();
  return g.__nb2FaultCounters;
}

/** Counts one more attempt for `key` and returns the count (1 for the first). Bounded like the store. */
export function countAttempt(key: string): number {
  const map = counters();
  const n = (map.get(key) ?? 0) + 1;
  map.delete(key);
  map.set(key, n);
  while (map.size > 10_000) map.delete(map.keys().next().value as string);
  return n;
}

/** The scenario named by an `x-simulate` header; an unknown name is a 400 that lists the known ones. */
export function scenarioFromHeader(value: string | null, requestId: string): Scenario | undefined {
  if (!value) return undefined;
  const scenario = scenarioById(value.trim());
  if (!scenario) {
    throw new ApiError(400, "invalid_request_error", `x-simulate must be one of ${SCENARIO_IDS.join(", ")}.`, {
      param: "x-simulate",
      requestId,
    });
  }
  return scenario.id === "none" ? undefined : scenario;
}

export const MISSING_KEY_MESSAGE = "Missing Authorization header: send `Authorization: Bearer <key>`.";
export const WRONG_KEY_MESSAGE = "Invalid API key.";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const HTML_PAGE =
  "<!doctype html><html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>";

/**
 * The answer for a fault that replaces the normal one. `slow` waits past the proxy's timeout and then
 * returns `normal()` (nobody is listening by then, as with a real slow upstream).
 */
export async function faultResponse(fault: Fault, requestId: string, normal: () => Promise<Response>): Promise<Response> {
  const headers = { "x-request-id": requestId };
  switch (fault.kind) {
    case "error": {
      const extra: Record<string, string> = fault.retryAfterS ? { "retry-after": String(fault.retryAfterS) } : {};
      return new ApiError(fault.status, fault.type, fault.message, { param: fault.param, requestId, headers: extra }).toResponse({
        docs: false,
      });
    }
    case "auth":
      return new ApiError(401, "authentication_error", fault.missing ? MISSING_KEY_MESSAGE : WRONG_KEY_MESSAGE, { requestId }).toResponse({
        docs: false,
      });
    case "slow":
      await sleep(upstreamConfig().timeoutMs + 500);
      return normal();
    case "not-json":
      return new Response(HTML_PAGE, { status: fault.status, headers: { ...headers, "content-type": "text/html; charset=utf-8" } });
    case "chat-endpoint":
      // The shape the gateway the seed comes from uses: code, message and its own type names.
      return Response.json(
        { error: { code: "invalid_apitype", message: `${GATEWAY_ANSWERS[0].match} (request id: ${requestId})`, type: "new_api_error" } },
        { status: 400, headers },
      );
  }
}
