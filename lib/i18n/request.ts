import { getRequestConfig } from "next-intl/server";
import { DEFAULT_LOCALE, intlMessages, isLocale } from "./index";

/**
 * next-intl's request configuration (named in next.config.ts): the locale a server component's
 * `getTranslations()` uses is the one set with `setRequestLocale()` by the page or layout (the guide's
 * `[locale]` segment, the embed's `?lang=`), English otherwise.
 */
export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = requested && isLocale(requested) ? requested : DEFAULT_LOCALE;
  return { locale, messages: intlMessages(locale), timeZone: "UTC" };
});
