"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useReducer, useState } from "react";
import { isWatching, type Run, runReducer } from "@/lib/client/run";
import { useTaskRun } from "@/lib/client/use-task-run";
import { isTerminal } from "@/lib/polling";
import type { CreateTaskRequest } from "@/lib/spec/schema";

/**
 * At most this many variants are out at once (from the create until the task ends); the rest wait in the
 * browser. Each variant polls about once a second at first, so two keep a batch of four far below the
 * default per-client limits (20 creates and 600 polls a minute, lib/security/config.ts) and below an
 * upstream's own concurrency limit; a 429 all the same is waited out by the retry policy.
 */
export const VARIANT_CONCURRENCY = 2;

export type VariantItem = { id: string; label: string; request: CreateTaskRequest; idempotencyKey: string };

/** How many of `total` items may have started once `ended` of them have ended (a prefix, in order). */
export function startedCount(total: number, ended: number, limit = VARIANT_CONCURRENCY): number {
  return Math.min(total, ended + limit);
}

const ended = (run: Run | null) => !!run && (isTerminal(run.task?.status) || !!run.stopped || (!!run.error && !isWatching(run)));

/** One variant: the same create-and-watch as the Run button (lib/client/use-task-run.ts), reported once it ends. */
function VariantTask({
  item,
  simulate,
  idempotent,
  onEnd,
}: {
  item: VariantItem;
  simulate?: string;
  idempotent: boolean;
  onEnd: (item: VariantItem, run: Run) => void;
}) {
  const t = useTranslations("compare.variants");
  const [run, dispatch] = useReducer(runReducer, null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, when the variant's turn comes
  useEffect(() => {
    dispatch({ type: "start", request: item.request, uploads: [], now: Date.now(), idempotencyKey: item.idempotencyKey, simulate });
  }, []);
  useTaskRun(run, dispatch, { idempotent, onCreateError: () => {} });
  const done = ended(run);
  // biome-ignore lint/correctness/useExhaustiveDependencies: done is the trigger: reported once
  useEffect(() => {
    if (done && run) onEnd(item, run);
  }, [done]);
  const status = run?.error ? t("error", { message: run.error.message }) : (run?.task?.status ?? t("creating"));
  return <span>{status}</span>;
}

/**
 * Runs a batch of variants, VARIANT_CONCURRENCY at a time, each with its own Idempotency-Key, under its
 * own QueryClient (this chunk loads with the first variants run). One that fails does not stop the others.
 */
export function VariantRunner({
  items,
  simulate,
  idempotent,
  onEnd,
}: {
  items: VariantItem[];
  simulate?: string;
  idempotent: boolean;
  onEnd: (item: VariantItem, run: Run) => void;
}) {
  const t = useTranslations("compare.variants");
  const [client] = useState(() => new QueryClient());
  const [endedIds, setEndedIds] = useState<string[]>([]);
  const started = startedCount(items.length, endedIds.length);
  return (
    <QueryClientProvider client={client}>
      <ol className="space-y-1 text-sm" aria-label={t("progress")}>
        {items.map((item, i) => (
          <li key={item.id} className="flex flex-wrap justify-between gap-2 rounded-md bg-zinc-50 px-2 py-1 dark:bg-zinc-900">
            <span className="min-w-0 truncate">{item.label}</span>
            {i < started ? (
              <VariantTask
                item={item}
                simulate={simulate}
                idempotent={idempotent}
                onEnd={(it, run) => {
                  setEndedIds((prev) => (prev.includes(it.id) ? prev : [...prev, it.id]));
                  onEnd(it, run);
                }}
              />
            ) : (
              <span className="text-zinc-600 dark:text-zinc-400">{t("waiting")}</span>
            )}
          </li>
        ))}
      </ol>
    </QueryClientProvider>
  );
}
