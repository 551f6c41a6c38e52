import { bareErrorResponse } from "@/lib/errors";
import { simUpload } from "@/lib/simulator/http";

export const dynamic = "force-dynamic";

/** The embedded simulator: store an uploaded media file. */
export async function POST(req: Request): Promise<Response> {
  return simUpload(req).catch(bareErrorResponse);
}
