"use client";

import { type Dispatch, type SetStateAction, useCallback, useEffect, useState } from "react";

/** The query parameter that holds the compared runs' ids, so a reload (or a link in this browser) reopens the comparison. */
export const COMPARE_PARAM = "compare";
/** The comparison shows at most this many runs under one set of controls. */
export const MAX_COMPARE = 4;

const parse = (raw: string | null) =>
  (raw ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .slice(0, MAX_COMPARE);

/** The ids of the runs being compared, kept in the address bar (replaceState; other parameters untouched). */
export function useCompareIds(): [string[], Dispatch<SetStateAction<string[]>>] {
  // null until the address bar has been read (after hydration: the server cannot see it). Without the
  // parameter nothing changes, so the page is not rendered a second time for nothing while it loads.
  const [ids, setIds] = useState<string[] | null>(null);
  useEffect(() => {
    const fromUrl = parse(new URLSearchParams(window.location.search).get(COMPARE_PARAM));
    if (fromUrl.length) setIds(fromUrl);
  }, []);
  useEffect(() => {
    if (ids === null) return;
    const url = new URL(window.location.href);
    if (ids.length) url.searchParams.set(COMPARE_PARAM, ids.join(","));
    else url.searchParams.delete(COMPARE_PARAM);
    if (url.href !== window.location.href) window.history.replaceState(window.history.state, "", url);
  }, [ids]);
  const update = useCallback<Dispatch<SetStateAction<string[]>>>(
    (next) =>
      setIds((prev) => {
        const value = typeof next === "function" ? next(prev ?? []) : next;
        return [...new Set(value)].slice(-MAX_COMPARE);
      }),
    [],
  );
  return [ids ?? [], update];
}
