import type { Metadata } from "next";
import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { AppDocument } from "@/components/theme/app-document";
import { LOCALES, format, isLocale, messagesFor } from "@/lib/i18n";
import { MODEL_NAME } from "@/lib/spec/nano-banana-2";
import "../globals.css";

export function generateStaticParams() {
  return LOCALES.map((l) => ({ locale: l.code }));
}

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = messagesFor(locale).meta;
  return {
    title: format(t.title, { model: MODEL_NAME }),
    description: format(t.description, { model: MODEL_NAME }),
    alternates: { languages: Object.fromEntries(LOCALES.map((l) => [l.code, l.path])) },
  };
}

/** The guide's root layout; `/` is English (rewritten to /en by proxy.ts), `/ru` Russian. */
export default async function GuideLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  return (
    <AppDocument lang={locale} themeSource="storage" bodyClassName="min-h-screen bg-white text-zinc-900 antialiased dark:bg-zinc-950 dark:text-zinc-100">
      {children}
    </AppDocument>
  );
}
