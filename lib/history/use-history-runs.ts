"use client";

import { QueryClient, useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { clipUsage, listRuns, type StoredRun, subscribe } from "./store";

/**
 * The history's own QueryClient, one per page in the browser: the history panel loads lazily and may
 * render where no QueryClientProvider is (the run engine has its own, loaded with the first run), so the
 * hooks pass it explicitly instead of needing a provider. IndexedDB answers from this tab; the data is
 * only stale when `subscribe` says so, hence `staleTime: Infinity`.
 */
let client: QueryClient | null = null;
export function historyQueryClient(): QueryClient {
  client ??= new QueryClient({ defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY, retry: false } } });
  return client;
}

export const HISTORY_KEY = ["history"] as const;

/** Invalidates every history query whenever the history changes (this tab or another). */
function useHistorySubscription(): void {
  useEffect(() => subscribe(() => void historyQueryClient().invalidateQueries({ queryKey: HISTORY_KEY })), []);
}

/** Every run in the history, newest first (posters and clip sizes, no clips), live across tabs. */
export function useHistoryRuns() {
  useHistorySubscription();
  return useQuery<StoredRun[]>({ queryKey: [...HISTORY_KEY, "runs"], queryFn: listRuns }, historyQueryClient());
}

/** The bytes all kept clips take, live across tabs. */
export function useClipUsage() {
  useHistorySubscription();
  return useQuery<number>({ queryKey: [...HISTORY_KEY, "clip-usage"], queryFn: clipUsage }, historyQueryClient());
}
