"use client";

import { type AbstractIntlMessages, NextIntlClientProvider, useLocale } from "next-intl";
import { type ReactNode, useMemo } from "react";
import type { Locale } from "@/lib/i18n";

/**
 * Gives client components `useTranslations()` / `useFormatter()` (next-intl). The server passes the
 * messages (lib/i18n `clientMessages()`: every namespace but the server-only ones).
 *
 * No time zone in the browser: nothing the page renders before it is usable formats a date, and the
 * first `Intl` object a page creates loads the browser's ICU data (13–17 ms on a desktop here, ×4 on a
 * phone), which the time zone lookup would do during hydration. The parts that show dates wrap themselves
 * in `WithTimeZone`. (The server gets "UTC", a string, which only keeps next-intl from warning there.)
 * The data is not loaded ahead either: a warm-up `NumberFormat` right after hydration was a task of its own
 * of 11–26 ms on a desktop here, a long task on a phone on every load (Lighthouse's blocking time), to
 * spare the first run's output 11–19 ms once (docs/performance-notes.md).
 */
export function IntlProvider({ locale, messages, children }: { locale: Locale; messages: AbstractIntlMessages; children: ReactNode }) {
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
