import { bareErrorResponse } from "@/lib/errors";
import { simCreate } from "@/lib/simulator/http";

export const dynamic = "force-dynamic";

/** The embedded simulator: create a task (the guide's contract). */
export async function POST(req: Request): Promise<Response> {
  return simCreate(req).catch(bareErrorResponse);
}
