"use client";

import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Controller, type UseFormReturn, useFormState, useWatch } from "react-hook-form";
import { useSay } from "@/components/i18n/use-say";
import { PROMPT_MAX_CHARS } from "@/lib/spec/contract";
import { charCount, type FormState } from "@/lib/spec/form-state";
import { allowedValues, fieldsOf, frameSize, ruleDeps } from "@/lib/spec/model-spec";
import { unavailable } from "./chunk-unavailable";
import { describedBy, Field, inputClass } from "./field";
import { RunButton } from "./run-button";
import { SegmentedRadio } from "./segmented-radio";
import { useSpec } from "./spec-context";
import { useFormBlocker } from "./use-form-check";

// The media fields (react-dropzone) load with the first mode that takes a file, not with the page.
// If their chunk cannot be fetched, the field says so and the rest of the form stays.
const MediaField = dynamic(() =>
  import("./media-field").then(
    (m) => m.MediaField,
    unavailable<{ label: string }>(({ label }) => ({ part: "media", label })),
  ),
);
const ReferenceImages = dynamic(() => import("./reference-images").then((m) => m.ReferenceImages, unavailable({ part: "references" })));

const FORM_ID = "nb2";

type Props = {
  /** The playground's form, passed rather than read from its context: a context reader renders again with every change of the form's state (its `isReady` among them), this form only with its values and errors. */
  form: UseFormReturn<FormState>;
  onSubmit: () => void;
  onUpload: (file: File) => Promise<string>;
  creating: boolean;
  /** Shown right above the run button (the simulator's fault scenarios). */
  beforeRun?: ReactNode;
  /** Why the initial values cannot run yet, as the server found it (until the schema has loaded here). */
  initialBlocker: string | null;
  /** Modes the configured upstream cannot do, with the reason (from the upstream summary). */
  unavailable?: Partial<Record<FormState["mode"], string>>;
};

/** The fields of the current mode, validated as the user types; values of other modes are kept. */
export function TaskForm({ form, onSubmit, onUpload, creating, beforeRun, initialBlocker, unavailable = {} }: Props) {
  const { register, control } = form;
  const values = useWatch({ control }) as FormState;
  const { errors } = useFormState({ control });
  const spec = useSpec();
  const t = useTranslations("playground.form");
  const say = useSay();
  const fields = fieldsOf(spec, values.mode);
  const promptCount = charCount(values.prompt.trim());
  const refusal = unavailable[values.mode];
  const formBlocker = useFormBlocker(spec, values, initialBlocker, say);
  const frameHint = (aspect: string) => {
    const frame = frameSize(spec, aspect, values.resolution);
    return frame ? `${frame.width}×${frame.height}` : t("notAt", { resolution: values.resolution });
  };
  const blocker = refusal ?? formBlocker;

  const id = (name: string) => `${FORM_ID}-${name}`;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label={t("label")}>
      {refusal && (
        <p
          role="note"
          aria-label={t("modeUnavailable")}
          className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-800 dark:bg-amber-950/40"
        >
          {refusal}
        </p>
      )}
      <Field
        id={id("prompt")}
        label={values.mode === "video-edit" ? t("promptEdit") : t("prompt")}
        hint={
          <span className={promptCount > PROMPT_MAX_CHARS ? "font-medium text-red-600 dark:text-red-400" : undefined}>
            {t("promptCount", { count: promptCount, max: PROMPT_MAX_CHARS })}
          </span>
        }
        error={errors.prompt?.message}
      >
        <textarea
          id={id("prompt")}
          rows={4}
          className={inputClass}
          placeholder={t("promptPlaceholder")}
          aria-invalid={!!errors.prompt}
          aria-describedby={describedBy(id("prompt"), true, !!errors.prompt)}
          {...register("prompt")}
        />
      </Field>

      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <Controller
          control={control}
          name="aspect_ratio"
          rules={{ deps: ruleDeps(spec, "aspect_ratio") }}
          render={({ field, fieldState }) => (
            <SegmentedRadio
              id={id("aspect_ratio")}
              legend={t("aspectRatio")}
              name={field.name}
              value={field.value}
              onChange={field.onChange}
              options={spec.aspectRatios.map((a) => ({ value: a, label: a, hint: frameHint(a) }))}
              error={fieldState.error?.message}
            />
          )}
        />
        {fields.includes("duration") ? (
          <Controller
            control={control}
            name="duration"
            rules={{ deps: ruleDeps(spec, "duration") }}
            render={({ field, fieldState }) => (
              <SegmentedRadio
                id={id("duration")}
                legend={t("duration")}
                name={field.name}
                value={field.value}
                onChange={(v) => field.onChange(Number(v))}
                options={spec.durations.map((d) => ({ value: d, label: t("seconds", { value: d }) }))}
                error={fieldState.error?.message}
              />
            )}
          />
        ) : (
          <div className="text-sm">
            <p className="font-medium">{t("duration")}</p>
            <p className="mt-1.5 text-zinc-600 dark:text-zinc-400">{t("durationNotSent")}</p>
          </div>
        )}
      </div>

      <Field id={id("resolution")} label={t("resolution")} error={errors.resolution?.message}>
        <select
          id={id("resolution")}
          className={inputClass}
          aria-invalid={!!errors.resolution}
          aria-describedby={describedBy(id("resolution"), false, !!errors.resolution)}
          {...register("resolution", { deps: ruleDeps(spec, "resolution") })}
        >
          {allowedValues(spec, "resolution").map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </Field>

      {fields.includes("image_url") && (
        <Controller
          control={control}
          name="image_url"
          render={({ field, fieldState }) => (
            <MediaField
              id={id("image_url")}
              label={t("image")}
              kind="image"
              value={field.value}
              onChange={field.onChange}
              onUpload={onUpload}
              error={fieldState.error?.message}
            />
          )}
        />
      )}
      {fields.includes("reference_image_urls") && (
        <Controller
          control={control}
          name="reference_image_urls"
          // Its errors (the set's and each slot's) it reads itself, by name.
          render={({ field }) => (
            <ReferenceImages id={id("reference_image_urls")} value={field.value} onChange={field.onChange} onUpload={onUpload} />
          )}
        />
      )}
      {fields.includes("video_url") && (
        <Controller
          control={control}
          name="video_url"
          render={({ field, fieldState }) => (
            <MediaField
              id={id("video_url")}
              label={t("video")}
              kind="video"
              value={field.value}
              onChange={field.onChange}
              onUpload={onUpload}
              error={fieldState.error?.message}
            />
          )}
        />
      )}

      {beforeRun}
      {/* The schema's checks could not be loaded at the click (see lazyResolver); the next click tries again. */}
      {errors.root && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {t("notSent", { message: errors.root.message ?? "" })}
        </p>
      )}
      <RunButton blocker={blocker} busy={creating} />
    </form>
  );
}
