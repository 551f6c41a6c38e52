"use client";

import type { ReactNode } from "react";
import { Controller, useFormContext, useWatch } from "react-hook-form";
import { ASPECT_RATIOS, DURATIONS, PROMPT_MAX_CHARS, RESOLUTIONS, fieldsOf } from "@/lib/spec/nano-banana-2";
import { charCount, formSchema, type FormState } from "@/lib/spec/schema";
import { Field, describedBy, inputClass } from "./field";
import { MediaField } from "./media-field";
import { ReferenceImages } from "./reference-images";
import { RunButton } from "./run-button";
import { SegmentedRadio } from "./segmented-radio";

const FORM_ID = "nb2";

type Props = {
  onSubmit: () => void;
  onUpload: (file: File) => Promise<string>;
  creating: boolean;
  /** Shown right above the run button (the simulator's fault scenarios). */
  beforeRun?: ReactNode;
};

/** The fields of the current mode, validated as the user types; values of other modes are kept. */
export function TaskForm({ onSubmit, onUpload, creating, beforeRun }: Props) {
  const { register, control, formState } = useFormContext<FormState>();
  const values = useWatch({ control }) as FormState;
  const fields = fieldsOf(values.mode);
  const errors = formState.errors;
  const promptCount = charCount(values.prompt.trim());
  const check = formSchema.safeParse(values);
  const blocker = check.success ? null : check.error.issues[0].message;

  const id = (name: string) => `${FORM_ID}-${name}`;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Task parameters">
      <Field
        id={id("prompt")}
        label={values.mode === "video-edit" ? "Edit instruction (prompt)" : "Prompt"}
        hint={
          <span className={promptCount > PROMPT_MAX_CHARS ? "font-medium text-red-600 dark:text-red-400" : undefined}>
            {promptCount} / {PROMPT_MAX_CHARS} characters
          </span>
        }
        error={errors.prompt?.message}
      >
        <textarea
          id={id("prompt")}
          rows={4}
          className={inputClass}
          placeholder="A cinematic city sunrise with soft fog and moving traffic."
          aria-invalid={!!errors.prompt}
          aria-describedby={describedBy(id("prompt"), true, !!errors.prompt)}
          {...register("prompt")}
        />
      </Field>

      <div className="grid gap-4 sm:grid-cols-2">
        <Controller
          control={control}
          name="aspect_ratio"
          render={({ field, fieldState }) => (
            <SegmentedRadio
              id={id("aspect_ratio")}
              legend="Aspect ratio"
              name={field.name}
              value={field.value}
              onChange={field.onChange}
              options={ASPECT_RATIOS.map((a) => ({ value: a.value, label: a.value, hint: `${a.width}×${a.height}` }))}
              error={fieldState.error?.message}
            />
          )}
        />
        {fields.includes("duration") ? (
          <Controller
            control={control}
            name="duration"
            render={({ field, fieldState }) => (
              <SegmentedRadio
                id={id("duration")}
                legend="Duration"
                name={field.name}
                value={field.value}
                onChange={(v) => field.onChange(Number(v))}
                options={DURATIONS.map((d) => ({ value: d, label: `${d} s` }))}
                error={fieldState.error?.message}
              />
            )}
          />
        ) : (
          <div className="text-sm">
            <p className="font-medium">Duration</p>
            <p className="mt-1.5 text-zinc-500 dark:text-zinc-400">Not sent in Video Edit: the output follows the source video.</p>
          </div>
        )}
      </div>

      <Field id={id("resolution")} label="Resolution" error={errors.resolution?.message}>
        <select id={id("resolution")} className={inputClass} {...register("resolution")}>
          {RESOLUTIONS.map((r) => (
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
              label="First-frame image"
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
          render={({ field, fieldState }) => (
            <ReferenceImages
              id={id("reference_image_urls")}
              value={field.value}
              onChange={field.onChange}
              onUpload={onUpload}
              error={fieldState.error?.message}
            />
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
              label="Source video"
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
      <RunButton blocker={blocker} busy={creating} />
    </form>
  );
}
