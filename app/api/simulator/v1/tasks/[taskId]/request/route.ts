import { bareErrorResponse } from "@/lib/errors";
import { simGetRequest } from "@/lib/simulator/http";

export const dynamic = "force-dynamic";

/** The embedded simulator: the request a task was created with (simulator only; the contract has no such path). */
export async function GET(req: Request, ctx: { params: Promise<{ taskId: string }> }): Promise<Response> {
  const { taskId } = await ctx.params;
  return simGetRequest(req, taskId).catch(bareErrorResponse);
}
