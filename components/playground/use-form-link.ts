"use client";

import { useCallback, useEffect, useRef } from "react";
import { type UseFormReturn, useWatch } from "react-hook-form";
import { formStateToSearchParams } from "@/lib/handoff/url-params";
import { FIELD_NAMES } from "@/lib/spec/contract";
import type { FormState } from "@/lib/spec/form-state";
import { fieldsOf, type ModelSpec } from "@/lib/spec/model-spec";

/** The query parameters the form owns; any other (the watched `task`) is left as it is. */
const FORM_KEYS = new Set<string>(["mode", ...FIELD_NAMES]);

/**
 * Keeps the form's state in the address bar (replaceState, a moment after the last change), so the
 * page's own URL is always a link that reproduces the configuration. Parameters the form does not own,
 * such as the watched task's id, are kept. Until the first change the address is left as it came: it
 * already gives that configuration, and a rewrite then made the router update the whole page while it
 * loads (a long task on a phone).
 */
export function useFormLink(spec: ModelSpec, form: UseFormReturn<FormState>, delayMs = 250) {
  const values = useWatch({ control: form.control }) as FormState;
  // The configuration the page opened with ("" once the form has changed); read at mount, not in the timer,
  // so that edits made before the timer first fires still count as changes.
  const opened = useRef<string | null>(null);
  if (opened.current === null) opened.current = `${formStateToSearchParams(spec, form.getValues())}`;
  useEffect(() => {
    const timer = setTimeout(() => {
      const params = formStateToSearchParams(spec, values);
      if (opened.current === `${params}`) return;
      opened.current = "";
      for (const [key, value] of new URLSearchParams(window.location.search)) if (!FORM_KEYS.has(key)) params.append(key, value);
      const search = `?${params}`;
      if (window.location.search !== search)
        window.history.replaceState(window.history.state, "", `${window.location.pathname}${search}${window.location.hash}`);
    }, delayMs);
    return () => clearTimeout(timer);
  }, [spec, values, delayMs]);
}

/** The link to the current configuration, computed now (not waiting for the address bar). */
export function formLink(spec: ModelSpec, values: FormState): string {
  return `${window.location.origin}${window.location.pathname}?${formStateToSearchParams(spec, values)}`;
}

/** Applies imported values to the form and shows at once what the form still refuses (the promise settles once that check has run). */
export function useApplyValues(spec: ModelSpec, form: UseFormReturn<FormState>) {
  return useCallback(
    (values: Partial<FormState>) => {
      for (const [name, value] of Object.entries(values)) {
        form.setValue(name as keyof FormState, value as never, { shouldDirty: true });
      }
      form.clearErrors();
      return form.trigger([...fieldsOf(spec, form.getValues("mode"))]);
    },
    [spec, form],
  );
}
