"use client";

import { startTransition, useEffect, useState } from "react";

/**
 * False on the first render, true once the browser is idle after the page became interactive (at most
 * `timeoutMs` later). Code that is not needed for the first interaction (the task engine, the code export)
 * is rendered, and so loaded, only then: its chunks then neither compete with hydration nor delay the
 * run button's first effects. The switch is a transition, so React renders what it brings in slices that
 * leave the main thread free between them (on a phone, one piece rendered in one go was a long task of
 * about 70 ms: Lighthouse mobile, docs/performance.md).
 */
export function useIdle(timeoutMs = 1000): boolean {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    const done = () => startTransition(() => setIdle(true));
    if (typeof window.requestIdleCallback === "function") {
      const id = window.requestIdleCallback(done, { timeout: timeoutMs });
      return () => window.cancelIdleCallback(id);
    }
    const timer = setTimeout(done, 50);
    return () => clearTimeout(timer);
  }, [timeoutMs]);
  return idle;
}
