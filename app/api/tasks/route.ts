import { errorResponse, readJson } from "@/lib/errors";
import { guardProxyCall } from "@/lib/security/guard";
import { createTask } from "@/lib/upstream/service";

export const dynamic = "force-dynamic";

/** Create a task: validate with the shared schema, forward to the configured upstream. */
export async function POST(req: Request): Promise<Response> {
  try {
    await guardProxyCall(req, "create");
    return await createTask(await readJson(req), req.headers);
  } catch (err) {
    return errorResponse(err);
  }
}
