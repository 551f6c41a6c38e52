import { errorResponse, readJson } from "@/lib/errors";
import { createTask } from "@/lib/upstream/service";
import { guardProxyCall } from "@/lib/security/guard";

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
