"use client";

import { useCallback, useEffect, useRef, useState } from "react";

/**
 * Copies text and says so for a moment; the one clipboard hook of the app. `copiedText` is what was
 * copied (while `copied`), so a button whose text has changed since (another format chosen) can tell it
 * is not what is on the clipboard.
 */
export function useClipboard(resetMs = 1500) {
  const [copiedText, setCopiedText] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const copy = useCallback(
    async (text: string) => {
      await navigator.clipboard.writeText(text);
      setCopiedText(text);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => setCopiedText(null), resetMs);
    },
    [resetMs],
  );
  return { copied: copiedText !== null, copiedText, copy };
}
