import { errorResponse } from "@/lib/errors";
import { guardProxyCall } from "@/lib/security/guard";
import { getTask } from "@/lib/upstream/service";

export const dynamic = "force-dynamic";

/** Poll a task's status through the proxy. */
export async function GET(req: Request, ctx: { params: Promise<{ taskId: string }> }): Promise<Response> {
  try {
    await guardProxyCall(req, "poll");
    const { taskId } = await ctx.params;
    return await getTask(taskId, req.headers);
  } catch (err) {
    return errorResponse(err);
  }
}
