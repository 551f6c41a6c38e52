import type { ReactNode } from "react";
import { clientMessages, type Locale } from "@/lib/i18n";
import { IntlProvider } from "./intl-provider";

/** Wraps a client tree (the playground, the embed) so that its components can `useTranslations()` in `locale`. */
export function ClientMessages({ locale, children }: { locale: Locale; children: ReactNode }) {
  return (
    <IntlProvider locale={locale} messages={clientMessages(locale)}>
      {children}
    </IntlProvider>
  );
}
