"use client";

import { type AbstractIntlMessages, NextIntlClientProvider, useLocale } from "next-intl";
import { type ReactNode, useEffect, useMemo } from "react";
import type { Locale } from "@/lib/i18n";

/**
 * Gives client components `useTranslations()` / `useFormatter()` (next-intl). The server passes the
 * messages (lib/i18n `clientMessages()`: every namespace but the server-only ones).
 *
 * No time zone in the browser: nothing the page renders before it is usable formats a date, and the
 * first `Intl` object a page creates loads the browser's ICU data (13–17 ms on a desktop here, ×4 on a
 * phone), which the time zone lookup would do during hydration. The parts that show dates wrap themselves
 * in `WithTimeZone`. (The server gets "UTC", a string, which only keeps next-intl from warning there.)
 * Right after hydration, in a task of its own, one `Intl.NumberFormat` loads that data: measured in fresh
 * pages, the first `NumberFormat` took 11–19 ms and a `DateTimeFormat` after it 2–3 ms (16.7 ms first), so
 * the first interaction that formats something does not pay for it (docs/performance.md).
 */
export function IntlProvider({ locale, messages, children }: { locale: Locale; messages: AbstractIntlMessages; children: ReactNode }) {
  useEffect(() => {
    const timer = setTimeout(() => new Intl.NumberFormat(locale).format(0));
    return () => clearTimeout(timer);
  }, [locale]);
  return (
    <NextIntlClientProvider locale={locale} messages={messages} timeZone={typeof window === "undefined" ? "UTC" : undefined}>
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
