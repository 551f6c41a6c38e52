import { errorResponse, readJson } from "@/lib/errors";
import { guardProxyCall } from "@/lib/security/guard";
import { createUploadTicket } from "@/lib/upstream/service";

export const dynamic = "force-dynamic";

/**
 * The ticket an upload needs (`{ size }` → `{ ticket, expires_at, max_bytes }`). proxy.ts runs for this
 * route, so the client's address is the socket's: the per-minute upload limit is counted here.
 */
export async function POST(req: Request): Promise<Response> {
  try {
    await guardProxyCall(req, "upload");
    return await createUploadTicket(await readJson(req), req.headers);
  } catch (err) {
    return errorResponse(err);
  }
}
