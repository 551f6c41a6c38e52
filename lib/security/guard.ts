import { assertAccess } from "./access";
import { clientIp } from "./client-ip";
import { embedAllowedOrigins, trustedProxyCount } from "./config";
import { checkSameOrigin } from "./origin";
import { consume, consumeDeploymentBudget } from "./rate-limit";

/** The proxy's routes, as the limits see them ("upload" is counted when an upload's ticket is issued). */
export type ProxyRoute = "create" | "upload" | "poll";

/** The client the limits count this request under. */
export function clientOf(headers: Headers): string {
  return clientIp(headers, trustedProxyCount());
}

/**
 * What every call to the proxy passes before its body is read: the access gate, the same-origin check
 * (reads and writes alike) and the per-minute rate. Throws the contract's ApiError (401, 403, 429).
 */
export async function guardProxyCall(req: Request, route: ProxyRoute): Promise<void> {
  assertAccess(req.headers);
  // Reads too: an <img src=/api/tasks/…> on another site's page would spend upstream polls (and the
  // visitor's limits) for nothing a page of that site may read anyway.
  checkSameOrigin(req.headers, embedAllowedOrigins());
  await consume(route, clientOf(req.headers));
}

/**
 * What the upload route itself checks: the access gate and the same-origin check. proxy.ts does not run
 * for it (so that Next does not buffer its body), so its client address is not known from the socket
 * there: its rate was counted when its ticket was issued, and the ticket names the client to charge.
 */
export function guardTicketedUpload(req: Request): void {
  assertAccess(req.headers);
  checkSameOrigin(req.headers, embedAllowedOrigins());
}

/**
 * The daily quota, charged only when a valid request is about to be forwarded (invalid ones cost the
 * key nothing and are already counted by the per-minute rate). `client` is the request's (`Headers`) or
 * the one an upload ticket names. Throws the 429 ApiError.
 */
export async function chargeDailyQuota(client: Headers | string, route: "create" | "upload", requestId?: string): Promise<void> {
  await consume(route === "create" ? "createDaily" : "uploadDaily", typeof client === "string" ? client : clientOf(client), requestId);
  // Then the deployment's own budget, shared by everyone (lib/security/rate-limit.ts).
  if (route === "create") await consumeDeploymentBudget(requestId);
}
