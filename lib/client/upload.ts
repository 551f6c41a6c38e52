/**
 * Uploads one file through the proxy in its two calls, both recorded for the run's exchanges: first a
 * ticket for the file's size (`POST /api/upload-tickets`, where the server counts the upload against the
 * client's limits), then the file itself with the ticket (`POST /api/uploads`, streamed to the upstream).
 * Loaded with the first file, not with the page.
 */
import type { Upload, UploadTicketAnswer } from "@/lib/spec/schema";
import { callProxy, type Exchange } from "./api";

export async function uploadFile(file: File): Promise<{ upload: Upload; exchanges: Exchange[] }> {
  const ticket = await callProxy<UploadTicketAnswer>("Upload ticket", "POST", "/api/upload-tickets", { json: { size: file.size } });
  // This call ends at the playground's server: no key is added to it upstream.
  delete ticket.exchange.requestHeaders.authorization;
  const form = new FormData();
  form.set("file", file);
  const { data, exchange } = await callProxy<Upload>(
    "Upload media",
    "POST",
    "/api/uploads",
    { form, describe: { file: `(binary) ${file.name}, ${file.type || "unknown type"}, ${file.size} bytes` } },
    undefined,
    { "x-upload-ticket": ticket.data.ticket },
  );
  return { upload: data, exchanges: [ticket.exchange, exchange] };
}
