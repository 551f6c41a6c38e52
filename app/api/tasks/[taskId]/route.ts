import { errorResponse } from "@/lib/errors";
import { guardProxyCall } from "@/lib/security/guard";
import { API_CSP } from "@/lib/security/headers";
import { getTask } from "@/lib/upstream/service";

export const dynamic = "force-dynamic";

/**
 * Poll a task's status through the proxy. proxy.ts runs for this route only when the request carries an
 * X-Forwarded-For (proxy.ts says why), so the API's policy header is set here.
 */
export async function GET(req: Request, ctx: { params: Promise<{ taskId: string }> }): Promise<Response> {
  let res: Response;
  try {
    await guardProxyCall(req, "poll");
    const { taskId } = await ctx.params;
    res = await getTask(taskId, req.headers);
  } catch (err) {
    res = errorResponse(err);
  }
  res.headers.set("content-security-policy", API_CSP);
  return res;
}
