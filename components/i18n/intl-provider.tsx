"use client";

import { type AbstractIntlMessages, NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import type { Locale } from "@/lib/i18n";

/**
 * Gives client components `useTranslations()` / `useFormatter()` (next-intl). The server passes the
 * messages (lib/i18n `clientMessages()`: every namespace but the server-only ones); the time zone is the
 * browser's own, so dates are shown in the reader's time (nothing date-like is rendered on the server).
 */
export function IntlProvider({ locale, messages, children }: { locale: Locale; messages: AbstractIntlMessages; children: ReactNode }) {
  return (
    <NextIntlClientProvider locale={locale} messages={messages} timeZone={browserTimeZone()}>
      {children}
    </NextIntlClientProvider>
  );
}

function browserTimeZone(): string {
  return typeof window === "undefined" ? "UTC" : Intl.DateTimeFormat().resolvedOptions().timeZone;
}
