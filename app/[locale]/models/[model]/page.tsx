import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { GuidePage } from "@/components/guide/guide-page";
import { guideMetadata } from "@/lib/guide/metadata";
import { isLocale } from "@/lib/i18n";
import { findModel } from "@/lib/models/registry";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string; model: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, model } = await params;
  const spec = findModel(model);
  return spec && isLocale(locale) ? guideMetadata(spec, locale, `/models/${spec.id}`) : {};
}

/** `/models/{id}` and `/ru/models/{id}`: one model's guide. */
export default async function ModelGuide({ params, searchParams }: Props) {
  const { locale, model } = await params;
  const spec = findModel(model);
  if (!spec || !isLocale(locale)) notFound();
  return <GuidePage spec={spec} locale={locale} searchParams={await searchParams} path={`/models/${spec.id}`} />;
}
