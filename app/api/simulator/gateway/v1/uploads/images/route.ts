import { gatewayUpload } from "@/lib/simulator/gateway";

export const dynamic = "force-dynamic";

/** The embedded simulator in the generation.task dialect: upload an image. */
export async function POST(req: Request): Promise<Response> {
  return gatewayUpload(req);
}
