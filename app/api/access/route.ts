import { errorResponse } from "@/lib/errors";
import { submitAccessForm } from "@/lib/security/access-form";

export const dynamic = "force-dynamic";

/** The access gate's form: checks the token and sets the signed access cookie. */
export async function POST(req: Request): Promise<Response> {
  return submitAccessForm(req).catch(errorResponse);
}
