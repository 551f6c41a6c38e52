import { gatewayCreate } from "@/lib/simulator/gateway";

export const dynamic = "force-dynamic";

/** The embedded simulator in the generation.task dialect: create a task. */
export async function POST(req: Request): Promise<Response> {
  return gatewayCreate(req);
}
