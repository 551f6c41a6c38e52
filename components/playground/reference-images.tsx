"use client";

import { useTranslations } from "next-intl";
import { useFormState } from "react-hook-form";
import { useSay } from "@/components/i18n/use-say";
import type { FormState } from "@/lib/spec/schema";
import { sayList } from "@/lib/spec/validation-words";
import { MediaField } from "./media-field";
import { useSpec } from "./spec-context";

/** R2V's references: filled slots plus one empty slot until the maximum; the count rule is explained below. */
export function ReferenceImages({
  id,
  value,
  onChange,
  onUpload,
}: {
  id: string;
  value: string[];
  onChange: (urls: string[]) => void;
  onUpload: (file: File) => Promise<string>;
}) {
  const { errors } = useFormState<FormState>({ name: "reference_image_urls" });
  const counts = useSpec().referenceCounts;
  const t = useTranslations("playground.references");
  const say = useSay();
  const fieldErrors = errors.reference_image_urls as
    | ({ message?: string; root?: { message?: string } } & Record<number, { message?: string } | undefined>)
    | undefined;
  const slots = Math.min(value.length + 1, Math.max(...counts));
  const setAt = (index: number, url: string) => {
    const next = [...value];
    if (url) next[index] = url;
    else next.splice(index, 1);
    onChange(next);
  };
  return (
    <fieldset className="min-w-0 space-y-3" aria-labelledby={`${id}-legend`} aria-describedby={`${id}-rule`}>
      <p id={`${id}-legend`} className="text-sm font-medium">
        {t("legend")}
      </p>
      <p id={`${id}-rule`} className="text-xs text-zinc-600 dark:text-zinc-400">
        {t("rule", { counts: sayList(say, counts), added: value.length })}
      </p>
      {Array.from({ length: slots }, (_, i) => (
        <MediaField
          // biome-ignore lint/suspicious/noArrayIndexKey: slot i is "Reference image i + 1": its position is what it is
          key={i}
          id={`${id}-${i}`}
          label={t("slot", { n: i + 1 })}
          kind="image"
          value={value[i] ?? ""}
          onChange={(url) => setAt(i, url)}
          onUpload={onUpload}
          error={fieldErrors?.[i]?.message}
        />
      ))}
      {(fieldErrors?.message ?? fieldErrors?.root?.message) && (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-600 dark:text-red-400">
          {fieldErrors?.message ?? fieldErrors?.root?.message}
        </p>
      )}
    </fieldset>
  );
}
