/**
 * The yardstick of a poll (bench:proxy): a bare Next route handler answering a task object of the size
 * the playground's poll answers, with nothing in front of it (no proxy.ts) and nothing behind it.
 */
export const dynamic = "force-dynamic";

const TASK = {
  task_id: "task_0123456789abcdef01234567",
  model: "nano-banana-2",
  mode: "text-to-video",
  status: "running",
  progress: 42,
  created_at: "2026-01-01T00:00:00.000Z",
};

export function GET() {
  return Response.json(
    { ...TASK, updated_at: new Date().toISOString() },
    { headers: { "cache-control": "no-store", "x-request-id": `req_${crypto.randomUUID().replace(/-/g, "").slice(0, 20)}` } },
  );
}
