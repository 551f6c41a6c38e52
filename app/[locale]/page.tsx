import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { GuidePage } from "@/components/guide/guide-page";
import { guideMetadata } from "@/lib/guide/metadata";
import { isLocale } from "@/lib/i18n";
import { DEFAULT_MODEL } from "@/lib/models/registry";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return isLocale(locale) ? guideMetadata(DEFAULT_MODEL, locale, "") : {};
}

/** `/` and `/ru`: the default model's guide, as they always were (shared configuration links included). */
export default async function HomeGuide({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  return <GuidePage spec={DEFAULT_MODEL} locale={locale} searchParams={await searchParams} path="" />;
}
