import { bareErrorResponse } from "@/lib/errors";
import { simFile } from "@/lib/simulator/http";

export const dynamic = "force-dynamic";

/** The embedded simulator: serve uploads and rendered videos (with Range). */
export async function GET(req: Request, ctx: { params: Promise<{ file: string }> }): Promise<Response> {
  const { file } = await ctx.params;
  return simFile(req, file).catch(bareErrorResponse);
}

export const HEAD = GET;
