"use client";

import { useEffect, useState } from "react";

/**
 * False on the first render, true once the browser is idle after the page became interactive (at most
 * `timeoutMs` later). Code that is not needed for the first interaction (the task engine, the code export)
 * is rendered, and so loaded, only then: its chunks then neither compete with hydration nor delay the
 * run button's first effects.
 */
export function useIdle(timeoutMs = 1000): boolean {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    if (typeof window.requestIdleCallback === "function") {
      const id = window.requestIdleCallback(() => setIdle(true), { timeout: timeoutMs });
      return () => window.cancelIdleCallback(id);
    }
    const timer = setTimeout(() => setIdle(true), 50);
    return () => clearTimeout(timer);
  }, [timeoutMs]);
  return idle;
}
