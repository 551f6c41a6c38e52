import { notFound } from "next/navigation";
import type { ReactNode } from "react";
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
  return (
    <AppDocument
      lang={locale}
      themeSource="storage"
      bodyClassName="min-h-screen bg-white text-zinc-900 antialiased dark:bg-zinc-950 dark:text-zinc-100"
    >
      {children}
    </AppDocument>
  );
}
