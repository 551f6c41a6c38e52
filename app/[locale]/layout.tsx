import { notFound } from "next/navigation";
import { setRequestLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";
import { AppDocument } from "@/components/theme/app-document";
import { isLocale, LOCALES } from "@/lib/i18n";
import "../globals.css";

export function generateStaticParams() {
  return LOCALES.map((l) => ({ locale: l.code }));
}

/** The root layout of the guides and the catalog; `/…` is English (rewritten to /en… by next.config.ts), `/ru…` Russian. */
export default async function GuideLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  return (
    <AppDocument
      lang={locale}
      themeSource="storage"
      bodyClassName="min-h-screen bg-white text-zinc-900 antialiased dark:bg-zinc-950 dark:text-zinc-100"
    >
      <ClientMessages locale={locale}>{children}</ClientMessages>
    </AppDocument>
  );
}
