import { ApiError, readCapped } from "@/lib/errors";
import { ACCESS_PAGE, accessGateEnabled, accessSetCookie, issueAccessCookie, safeNextPath, tokenMatches } from "./access";
import { embedAllowedOrigins } from "./config";
import { clientOf } from "./guard";
import { checkSameOrigin } from "./origin";
import { consume } from "./rate-limit";

/**
 * Handles the /access form (application/x-www-form-urlencoded: `token`, `next`): same-origin only,
 * limited per client like a login (RATE_LIMIT_ACCESS_PER_MINUTE), then a 303 back to the page the
 * visitor wanted with the signed cookie, or back to the form with `error=1`.
 */
export async function submitAccessForm(req: Request): Promise<Response> {
  const url = new URL(req.url);
  const to = (path: string) => new URL(path, url).pathname + new URL(path, url).search;
  if (!accessGateEnabled()) return redirect(to("/"));
  checkSameOrigin(req.headers, embedAllowedOrigins());
  await consume("access", clientOf(req.headers));
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/x-www-form-urlencoded/i.test(type)) {
    throw new ApiError(400, "invalid_request_error", "Send the access form as application/x-www-form-urlencoded with a field `token`.", {
      param: "token",
    });
  }
  const form = new URLSearchParams(new TextDecoder().decode(await readCapped(req, 4096)));
  const next = safeNextPath(form.get("next"));
  if (!tokenMatches(form.get("token") ?? "")) {
    return redirect(`${ACCESS_PAGE}?error=1&next=${encodeURIComponent(next)}`);
  }
  const secure = url.protocol === "https:" || req.headers.get("x-forwarded-proto")?.split(",")[0].trim() === "https";
  return redirect(next, accessSetCookie(issueAccessCookie(), secure));
}

/** A relative 303 (the browser resolves it against the URL it used, whatever proxies sit between). */
function redirect(location: string, setCookie?: string): Response {
  const headers: Record<string, string> = { location, "cache-control": "no-store" };
  if (setCookie) headers["set-cookie"] = setCookie;
  return new Response(null, { status: 303, headers });
}
