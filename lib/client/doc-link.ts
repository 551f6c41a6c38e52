import { type Locale, localePath } from "@/lib/i18n/locales";

/**
 * Where the guide explains an error, as a link on this site in the page's language: the envelope's
 * `doc_url` names the English guide (`https://…/models/{id}#error-{type}`, or just its path); this keeps its path and anchor
 * and puts the language's prefix in front (`/ru/models/{id}#error-{type}`). Null for anything else, so a
 * link the page shows is always a guide path on this site (never another host or scheme).
 */
export function localDocLink(docUrl: string | undefined, locale: Locale): string | null {
  if (!docUrl) return null;
  let url: URL;
  try {
    // Absolute when the server knows its public origin (PUBLIC_ORIGIN), a path otherwise.
    url = new URL(docUrl, "http://relative.invalid");
  } catch {
    return null;
  }
  if (!/^\/models\/[a-z0-9][a-z0-9.-]*$/i.test(url.pathname) || !/^(#[\w-]+)?$/.test(url.hash)) return null;
  return `${localePath(locale, url.pathname)}${url.hash}`;
}
