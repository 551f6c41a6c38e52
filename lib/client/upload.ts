/**
 * Uploads one file through the proxy in its two calls, both recorded for the run's exchanges: first a
 * ticket for the file's size (`POST /api/upload-tickets`, where the server counts the upload against the
 * client's limits), then the file itself with the ticket (`POST /api/uploads`, streamed to the upstream).
 * Loaded with the first file, not with the page.
 */
import type { Upload, UploadTicketAnswer } from "@/lib/spec/schema";
import { callProxy, type Exchange } from "./api";

export async function uploadFile(file: File): Promise<{ upload: Upload; exchanges: Exchange[] }> {
  // This call ends at the playground's server: no key is added to it upstream.
  const ticket = await callProxy<UploadTicketAnswer>("Upload ticket", "POST", "/api/upload-tickets", {
    body: { json: { size: file.size } },
    upstreamKey: false,
  });
  const form = new FormData();
  form.set("file", file);
  const { data, exchange } = await callProxy<Upload>("Upload media", "POST", "/api/uploads", {
    body: { form, describe: { file: `(binary) ${file.name}, ${file.type || "unknown type"}, ${file.size} bytes` } },
    headers: { "x-upload-ticket": ticket.data.ticket },
  });
  return { upload: data, exchanges: [ticket.exchange, exchange] };
}
