"use client";

import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { useSay } from "@/components/i18n/use-say";
import { inputClass } from "./field";

/** Resume watching any task by its id: one made here before a reload, in another tab, or outside the playground. */
export function WatchTaskForm({ onWatch }: { onWatch: (taskId: string) => void }) {
  const t = useTranslations("playground.watch");
  const say = useSay();
  const [value, setValue] = useState("");
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // The schema (and zod) load when an id is first submitted, not with the page.
    const { taskIdSchema } = await import("@/lib/spec/schema");
    const parsed = taskIdSchema.safeParse(value.trim());
    if (!parsed.success) return setError(say("taskId"));
    setError(null);
    onWatch(parsed.data);
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t("form")} className="space-y-1">
      <div className="flex gap-2">
        <label htmlFor="nb2-watch-id" className="sr-only">
          {t("label")}
        </label>
        <input
          id="nb2-watch-id"
          className={`${inputClass} font-mono`}
          placeholder={t("placeholder")}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          aria-invalid={!!error}
          aria-describedby={error ? "nb2-watch-id-error" : undefined}
        />
        <button
          type="submit"
          className="shrink-0 rounded-md border border-zinc-300 px-3 py-1 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
        >
          {t("button")}
        </button>
      </div>
      {error && (
        <p id="nb2-watch-id-error" role="alert" className="text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
    </form>
  );
}
