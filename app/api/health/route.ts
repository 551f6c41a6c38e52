export const dynamic = "force-dynamic";

/** Liveness for load balancers and the test runner. */
export function GET(): Response {
  return Response.json({ ok: true }, { headers: { "cache-control": "no-store" } });
}
