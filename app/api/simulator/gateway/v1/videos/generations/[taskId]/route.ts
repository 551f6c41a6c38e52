import { gatewayGet } from "@/lib/simulator/gateway";

export const dynamic = "force-dynamic";

/** The embedded simulator in the generation.task dialect: a task's status. */
export async function GET(req: Request, ctx: { params: Promise<{ taskId: string }> }): Promise<Response> {
  const { taskId } = await ctx.params;
  return gatewayGet(req, taskId);
}
