"use client";

import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { memo, type ReactNode, Suspense, useCallback, useEffect, useMemo, useReducer, useRef, useState } from "react";
import { FormProvider, type UseFormReturn, useForm } from "react-hook-form";
import { HistorySection } from "@/components/history/history-section";
import { useSay } from "@/components/i18n/use-say";
import { RecordingToggle } from "@/components/recording/recording-toggle";
import { type Exchange, formFieldErrors } from "@/lib/client/api";
import { isCreating, newIdempotencyKey, type Run, runReducer } from "@/lib/client/run";
import { useTaskIdInUrl } from "@/lib/client/task-url";
import { useIdle } from "@/lib/client/use-idle";
import type { PanelVisibility } from "@/lib/embed/preset";
import type { MediaField } from "@/lib/recordings/runnable";
import type { ReplayConfig } from "@/lib/recordings/source";
import type { SavedRun } from "@/lib/runs/saved-run";
import { type FieldIssue, type FormState, initialFormState, toCreateRequest } from "@/lib/spec/form-state";
import { fieldsOf, type ModelSpec } from "@/lib/spec/model-spec";
import type { UpstreamSummary } from "@/lib/upstream/summary";
import { useCompareIds } from "../compare/use-compare-ids";
import { unavailable as chunkUnavailable } from "./chunk-unavailable";
import { ExportTargetProvider } from "./export-target";
import { Handoff } from "./handoff";
import { ModePicker } from "./mode-picker";
import { OutputPanel, type ShownRun } from "./output-panel";
import RunEngineUnavailable from "./run-engine-unavailable";
import { type ScenarioChoice, SimulateControl } from "./simulate-control";
import { SpecProvider } from "./spec-context";
import { TaskForm } from "./task-form";
import { lazyResolver, loadValidation } from "./use-form-check";
import { useApplyValues, useFormLink } from "./use-form-link";

/**
 * TanStack Query with the run's create and watch loads once the page is idle, or at once when a run or a
 * watch starts: the run is in this component's state, and the engine carries out what it asks for when it
 * arrives. Why not with the page: in its first load it added 12 KiB and 8–10 ms to the time to a usable
 * run button (bench:web --variant, 21 loads; the guide ×1.30 → ×1.35 against the budget's ×1.3). If the
 * chunk cannot be fetched, the fallback (in this bundle) says so.
 */
const RunEngine = dynamic(() => import("./run-engine").catch(() => ({ default: RunEngineUnavailable })), { ssr: false });

// The comparison and the variants load on first use (a compared run in the address bar, the Variants
// button), never with the page.
const ComparePanel = dynamic(() => import("../compare/compare-panel").then((m) => m.default, chunkUnavailable({ part: "comparison" })), {
  ssr: false,
});
const VariantsPanel = dynamic(() => import("../compare/variants-panel").then((m) => m.default, chunkUnavailable({ part: "variants" })), {
  ssr: false,
});

/**
 * Saves every run that ends into the browser's history (components/history/history-recorder.tsx); loads
 * with the first run. If its chunk cannot be fetched the run goes on, unsaved.
 */
const HistoryRecorder = dynamic(() => import("@/components/history/history-recorder").catch(() => ({ default: () => null })), {
  ssr: false,
});
/** The recording player loads only when a recording is asked for (the embed's `recording`, or "See a recorded run"). */
const RecordingReplay = dynamic(() => import("@/components/recording/recording-replay"), {
  ssr: false,
  loading: () => <p className="text-sm text-zinc-500">…</p>,
});

export type PlaygroundProps = {
  /** The model the playground is for. */
  spec: ModelSpec;
  upstream: UpstreamSummary;
  /** Preset values (the embed's query parameters); the rest start at the spec's defaults. */
  initialValues?: Partial<FormState>;
  /** Which panels to show (the embed can hide one). */
  panels?: PanelVisibility;
  /** Extra controls in the playground's header (the guide's Embed button); rendered inside the form context. */
  toolbar?: ReactNode;
  /** The form as a shared link describes it (parsed on the server from the URL). */
  initialState?: FormState;
  /** Values of a shared link that could not be used, with the reason. */
  linkIssues?: FieldIssue[];
  /** A recording to play first (the embed's `recording` parameter). */
  replay?: ReplayConfig | null;
  /** Modes this deployment has a recording of: "See a recorded run" is offered for them. */
  recordingModes?: readonly string[];
};

type Props = PlaygroundProps & {
  /** Why the initial values cannot run yet (computed on the server with the schema), or null. */
  initialBlocker: string | null;
  /** The simulator's fault scenarios (empty with a real upstream). */
  scenarios: ScenarioChoice[];
};

/**
 * The playground (browser side): the mode picker and the validated form on the left, the task's exchanges and video on the right.
 *
 * This part holds only the form (react-hook-form) and its provider; everything else is `PlaygroundBody`,
 * memoized. Why: `useForm` sets its `isReady` state in a layout effect, so the hydration's commit is
 * followed at once by a synchronous render of the component that calls it, in the same task. With the
 * whole playground under it that render was the page's longest task after the scripts' evaluation
 * (17-42 ms on a desktop here, a long task on a phone); now it re-renders this component and the few
 * that read the form's context, and the body, whose props have not changed, is skipped.
 */
export function PlaygroundClient(props: Props) {
  const { spec, initialState = initialFormState(spec), initialValues } = props;
  const t = useTranslations("playground");
  const say = useSay();
  const resolver = useMemo(() => lazyResolver(spec, say, t("validationUnavailable")), [spec, say, t]);
  // One object for the form's life (react-hook-form keeps it in a ref), so the memoized body keeps its props.
  const form = useForm<FormState>({ resolver, mode: "onChange", defaultValues: { ...initialState, ...initialValues } });
  return (
    <FormProvider {...form}>
      <PlaygroundBody {...props} form={form} />
    </FormProvider>
  );
}

const PlaygroundBody = memo(function PlaygroundBody({
  form,
  spec,
  upstream,
  linkIssues = [],
  panels = { form: true, output: true },
  toolbar,
  initialBlocker,
  scenarios,
  replay: initialReplay = null,
  recordingModes = [],
}: Props & { form: UseFormReturn<FormState> }) {
  const t = useTranslations("playground");
  useFormLink(spec, form);
  const applyValues = useApplyValues(spec, form);
  const [run, dispatch] = useReducer(runReducer, null);
  const uploadExchanges = useRef(new Map<string, Exchange[]>());
  const [simulate, setSimulate] = useState("none");
  const idle = useIdle();
  const tc = useTranslations("compare");
  const [compareIds, setCompareIds] = useCompareIds();
  const [variantsOpen, setVariantsOpen] = useState(false);
  // A 400 from the server points at fields: show each where it belongs, keep everything typed.
  const onCreateError = useCallback(
    (err: unknown) => {
      // The API's own words are English (the contract); in another language they are quoted, the card beside explains.
      for (const { field, message } of formFieldErrors(err))
        form.setError(field, { type: "server", message: t("form.serverRefused", { message }) }, { shouldFocus: true });
    },
    [form, t],
  );
  useTaskIdInUrl(run?.taskId, dispatch);
  const { shown, showSaved, openSaved } = useShownRun();

  const upload = useCallback(async (file: File) => {
    // The ticket and the upload (lib/client/upload.ts) load with the first file, not with the page.
    const { uploadFile } = await import("@/lib/client/upload");
    const { upload, exchanges } = await uploadFile(file);
    uploadExchanges.current.set(upload.url, exchanges);
    return upload.url;
  }, []);

  const onSubmit = form.handleSubmit((state) => {
    const request = toCreateRequest(spec, state);
    const urls = [request.input.image_url, request.input.video_url, ...(request.input.reference_image_urls ?? [])];
    const uploads = urls.flatMap((url) => (url && uploadExchanges.current.get(url)) || []);
    // A new run with its own Idempotency-Key (every retry of its create reuses it); RunEngine sends it.
    showSaved(null);
    dispatch({
      type: "start",
      request,
      uploads,
      now: Date.now(),
      idempotencyKey: newIdempotencyKey(),
      simulate: upstream.simulated ? simulate : undefined,
    });
  });

  const onWatch = useCallback(
    (taskId: string) => {
      showSaved(null);
      dispatch({ type: "watch", taskId, now: Date.now() });
    },
    [showSaved],
  );

  // From the history: the saved request back into the form (through the request import, which keeps what fits).
  const onRestore = useCallback(
    async (saved: SavedRun) => {
      const { importRequest } = await import("@/lib/handoff/request-import");
      void applyValues(importRequest(spec, saved.request).values);
    },
    [spec, applyValues],
  );
  // Runs the saved request again as it was sent (a new run, with a new Idempotency-Key), and shows it in the
  // form; on the simulator with its fault too (one this simulator offers), which the Simulate control then
  // shows and keeps for the next run, as if chosen there.
  const onRunAgain = useCallback(
    async (saved: SavedRun) => {
      if (!saved.request) return;
      await onRestore(saved);
      showSaved(null);
      const fault = scenarios.some((s) => s.id === saved.simulate) ? (saved.simulate as string) : "none";
      if (upstream.simulated) setSimulate(fault);
      dispatch({
        type: "start",
        request: saved.request,
        uploads: [],
        now: Date.now(),
        idempotencyKey: newIdempotencyKey(),
        simulate: upstream.simulated ? fault : undefined,
      });
    },
    [onRestore, showSaved, upstream.simulated, scenarios],
  );

  // A recording plays in the output panel instead of the live run, with the form out of the way; "Run it
  // yourself" fills the form with the recorded request and brings the live playground back.
  const [replay, setReplay] = useState<ReplayConfig | null>(initialReplay);
  const [replayRun, setReplayRun] = useState<Run | null>(null);
  const endReplay = useCallback(
    (values?: Partial<FormState>, dropped: MediaField[] = []) => {
      // The form mounts again: with the schema already in, its run button judges the values it shows now,
      // not the server's verdict on the page's first values.
      const show = () => {
        // A recorded file that does not exist here: the field asks for the reader's own, once its check has run.
        if (values)
          void applyValues(values).then(() => {
            for (const field of dropped) form.setError(field, { type: "recording", message: t("form.recordedMedia") });
          });
        setReplay(null);
        setReplayRun(null);
        // Focus goes where the reader goes on: the form they are to run, or the control that opened the recording.
        focusAfterReplay.current = values ? "prompt" : "toggle";
      };
      loadValidation().then(show, show);
    },
    [applyValues, form, t],
  );
  const focusAfterReplay = useRef<"prompt" | "toggle" | null>(null);
  const recordingToggle = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const target = focusAfterReplay.current;
    if (replay || !target) return;
    focusAfterReplay.current = null;
    if (target === "prompt") form.setFocus("prompt");
    else recordingToggle.current?.focus();
  }, [replay, form]);
  const onPlayRecording = useCallback(
    (mode: string) => setReplay({ url: `/recordings/${spec.id}/${mode}.json`, speed: 1, live: true, focus: true }),
    [spec.id],
  );
  const showForm = panels.form && !replay;
  const showOutput = panels.output || !!replay;

  const onModeChange = useCallback(
    (mode: FormState["mode"]) => {
      form.setValue("mode", mode);
      form.clearErrors();
      const touched = fieldsOf(spec, mode).filter((f) => form.getFieldState(f).isDirty);
      if (touched.length) void form.trigger(touched);
    },
    [form, spec],
  );

  return (
    <SpecProvider value={spec}>
      <ExportTargetProvider
        value={{
          baseUrl: upstream.baseUrl,
          model: upstream.model,
          referenceCounts: spec.referenceCounts,
          simulated: upstream.simulated,
          dialect: upstream.dialect,
          unavailable: upstream.unavailable,
        }}
      >
        {(idle || run !== null) && (
          <RunEngine run={run} dispatch={dispatch} idempotent={upstream.idempotentCreates} onCreateError={onCreateError} />
        )}
        {run !== null && <HistoryRecorder run={run} model={spec.id} />}
        <div
          className={
            showForm && showOutput ? "grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,5fr)_minmax(0,7fr)]" : "grid grid-cols-1 gap-6"
          }
        >
          {showForm && (
            <section aria-labelledby="nb2-playground-heading" className="rounded-xl border border-zinc-200 p-4 dark:border-zinc-800">
              <div className="mb-3 flex items-center justify-between gap-2">
                <h2 id="nb2-playground-heading" className="text-lg font-semibold">
                  {t("title")}
                </h2>
                <Suspense>{toolbar}</Suspense>
                <span
                  className="rounded-full bg-zinc-100 px-2 py-0.5 text-xs text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300"
                  title={[
                    upstream.simulated ? t("upstreamSimulated") : t("upstreamModel", { model: upstream.model }),
                    ...upstream.notes,
                  ].join("\n")}
                >
                  {t("upstream", { origin: upstream.simulated ? t("simulator") : upstream.origin, dialect: upstream.dialect })}
                </span>
              </div>
              <ModePicker onModeChange={onModeChange}>
                <TaskForm
                  form={form}
                  onSubmit={onSubmit}
                  onUpload={upload}
                  creating={isCreating(run)}
                  initialBlocker={initialBlocker}
                  unavailable={upstream.unavailable}
                  beforeRun={upstream.simulated ? <SimulateControl scenarios={scenarios} value={simulate} onChange={setSimulate} /> : null}
                />
              </ModePicker>
              <button
                type="button"
                onClick={() => setVariantsOpen(true)}
                aria-expanded={variantsOpen}
                aria-controls={variantsOpen ? "variants-heading" : undefined}
                className="mt-3 w-full rounded-lg border border-zinc-300 px-4 py-2 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
              >
                {tc("variants.open")}
              </button>
              <Suspense>
                <Handoff linkIssues={linkIssues} onImport={applyValues} initialBlocker={initialBlocker} />
              </Suspense>
            </section>
          )}
          {showOutput && (
            <Suspense>
              <OutputPanel
                run={replay ? replayRun : run}
                dispatch={dispatch}
                onWatch={onWatch}
                shown={shown}
                onCloseShown={() => showSaved(null)}
                action={
                  recordingModes.length > 0 && <RecordingToggle ref={recordingToggle} modes={recordingModes} onPlay={onPlayRecording} />
                }
                replay={
                  replay && (
                    <RecordingReplay
                      config={replay}
                      onRun={setReplayRun}
                      onLive={endReplay}
                      onClose={replay.live ? endReplay : undefined}
                    />
                  )
                }
              />
            </Suspense>
          )}
        </div>
        {variantsOpen && (
          <div className="mt-6">
            <VariantsPanel
              spec={spec}
              unavailable={upstream.unavailable}
              idempotent={upstream.idempotentCreates}
              simulate={upstream.simulated ? simulate : undefined}
              price={upstream.price}
              onStart={() => setCompareIds([])}
              onSaved={setCompareIds}
              onClose={() => setVariantsOpen(false)}
            />
          </div>
        )}
        {compareIds.length > 0 && (
          <div className="mt-6">
            <ComparePanel ids={compareIds} onClose={() => setCompareIds([])} />
          </div>
        )}
        {panels.output && (
          <div className="mt-6">
            <HistorySection
              model={spec.id}
              shownId={shown?.id}
              onOpen={openSaved}
              onRestore={(saved) => void onRestore(saved)}
              onRunAgain={(saved) => void onRunAgain(saved)}
              onCompare={setCompareIds}
            />
          </div>
        )}
      </ExportTargetProvider>
    </SpecProvider>
  );
});

/**
 * A saved run shown in the output panel instead of the live one (opened from the history), with its kept
 * clip as an object URL, revoked when another is shown.
 */
function useShownRun() {
  const [shown, setShown] = useState<ShownRun | null>(null);
  const clipUrl = useRef<string | undefined>(undefined);
  const showSaved = useCallback((next: ShownRun | null) => {
    if (clipUrl.current && clipUrl.current !== next?.clipUrl) URL.revokeObjectURL(clipUrl.current);
    clipUrl.current = next?.clipUrl;
    setShown(next);
  }, []);
  useEffect(() => () => showSaved(null), [showSaved]);
  const openSaved = useCallback(
    async (id: string) => {
      const [{ getRun }, { runFromSavedRun }] = await Promise.all([import("@/lib/history/store"), import("@/lib/runs/saved-run")]);
      const stored = await getRun(id);
      if (!stored) return;
      const { run } = stored;
      showSaved({
        id,
        run: runFromSavedRun(run),
        model: run.model,
        ranAt: run.ranAt,
        clipUrl: stored.clip ? URL.createObjectURL(stored.clip) : undefined,
      });
      document.getElementById("output-heading")?.scrollIntoView({ block: "start" });
    },
    [showSaved],
  );
  return { shown, showSaved, openSaved };
}
