import { errorResponse } from "@/lib/errors";
import { operatorView } from "@/lib/operator";

export const dynamic = "force-dynamic";

/** The operator's view of the deployment's spending (lib/operator.ts); 404 for visitors. */
export async function GET(req: Request): Promise<Response> {
  return operatorView(req.headers).catch(errorResponse);
}
