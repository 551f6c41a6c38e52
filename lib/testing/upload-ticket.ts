/**
 * Tests call the route handlers directly, as the browser calls them through the server: an upload first
 * gets its ticket from the ticket route, then sends it with the file.
 */
import { POST as ticketRoute } from "@/app/api/upload-tickets/route";

/** Asks the ticket route for a ticket for `size` bytes; throws unless it answers 200. */
export async function uploadTicket(size: number, headers: Record<string, string> = {}): Promise<string> {
  const res = await requestUploadTicket({ size }, headers);
  if (!res.ok) throw new Error(`no upload ticket: HTTP ${res.status} ${await res.text()}`);
  return ((await res.json()) as { ticket: string }).ticket;
}

/** The ticket route's answer to `body`. */
export function requestUploadTicket(body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return ticketRoute(
    new Request("http://localhost:3000/api/upload-tickets", {
      method: "POST",
      headers: { "content-type": "application/json", host: "localhost:3000", ...headers },
      body: JSON.stringify(body),
    }),
  );
}
