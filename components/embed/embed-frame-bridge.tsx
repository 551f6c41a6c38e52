"use client";

import { type ReactNode, useEffect, useRef } from "react";
import { EMBED_MESSAGES, type ResizeMessage } from "@/lib/embed/messages";
import { isThemeChoice, setTheme } from "@/lib/theme";

/**
 * Wraps the embed's content. When framed, it tells the parent its height whenever the content resizes
 * (only to the origins allowed to frame it), and accepts a theme switch from them.
 */
export function EmbedFrameBridge({ allowedOrigins, children }: { allowedOrigins: string[]; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el || window.parent === window) return;
    const targets = [...new Set([window.location.origin, ...allowedOrigins])];
    let last = -1;
    const post = () => {
      const height = Math.ceil(el.getBoundingClientRect().height);
      if (height === last) return;
      last = height;
      const message: ResizeMessage = { type: EMBED_MESSAGES.resize, height };
      // A message to an origin that is not the parent's is dropped by the browser, so only the real host gets it.
      for (const origin of targets) window.parent.postMessage(message, origin);
    };
    const observer = new ResizeObserver(post);
    observer.observe(el);
    post();
    const onMessage = (event: MessageEvent) => {
      if (!targets.includes(event.origin) || event.source !== window.parent) return;
      const data = event.data as { type?: string; theme?: unknown } | null;
      if (data?.type === EMBED_MESSAGES.theme && isThemeChoice(data.theme)) setTheme(data.theme, false);
    };
    window.addEventListener("message", onMessage);
    return () => {
      observer.disconnect();
      window.removeEventListener("message", onMessage);
    };
  }, [allowedOrigins]);
  return (
    <div ref={ref} className="flow-root">
      {children}
    </div>
  );
}
