import { bareErrorResponse } from "@/lib/errors";
import { simGet } from "@/lib/simulator/http";

export const dynamic = "force-dynamic";

/** The embedded simulator: a task's status. */
export async function GET(req: Request, ctx: { params: Promise<{ taskId: string }> }): Promise<Response> {
  const { taskId } = await ctx.params;
  return simGet(req, taskId).catch(bareErrorResponse);
}
