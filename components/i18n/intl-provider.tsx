"use client";

import { type AbstractIntlMessages, NextIntlClientProvider, useLocale } from "next-intl";
import { type ReactNode, useEffect, useMemo } from "react";
import type { Locale } from "@/lib/i18n";

/**
 * Gives client components `useTranslations()` / `useFormatter()` (next-intl). The server passes the
 * messages (lib/i18n `clientMessages()`: every namespace but the server-only ones).
 *
 * No time zone here: nothing the page renders before it is usable formats a date, and the first `Intl`
 * object a page creates loads the browser's ICU data (13–17 ms on a desktop here, ×4 on a phone), which
 * the time zone lookup would do during hydration. The parts that show dates wrap themselves in
 * `WithTimeZone`; right after hydration, in a task of its own, one `Intl.NumberFormat` loads that data,
 * so no later render pays for it (docs/performance.md, 2026-12-03 third session).
 */
export function IntlProvider({ locale, messages, children }: { locale: Locale; messages: AbstractIntlMessages; children: ReactNode }) {
  useEffect(() => {
    const timer = setTimeout(() => new Intl.NumberFormat(locale).format(0));
    return () => clearTimeout(timer);
  }, [locale]);
  return (
    <NextIntlClientProvider locale={locale} messages={messages}>
      {children}
    </NextIntlClientProvider>
  );
}

/** For what formats dates: the reader's own time zone (use-intl's providers inherit the rest from the page's). */
export function WithTimeZone({ children }: { children: ReactNode }) {
  const locale = useLocale();
  const timeZone = useMemo(() => Intl.DateTimeFormat().resolvedOptions().timeZone, []);
  return (
    <NextIntlClientProvider locale={locale} timeZone={timeZone}>
      {children}
    </NextIntlClientProvider>
  );
}
