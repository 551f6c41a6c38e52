"use client";

import { useEffect, useState } from "react";
import { ageParts } from "@/lib/history/summary";

/** Bytes in the locale's words: `1.2 MB`, `1,2 МБ`, `0 kB` (decimal units, as the unit names say; nothing below kB). */
export function formatBytes(bytes: number, locale: string): string {
  const [value, unit] = bytes >= 1e9 ? [bytes / 1e9, "gigabyte"] : bytes >= 1e6 ? [bytes / 1e6, "megabyte"] : [bytes / 1e3, "kilobyte"];
  return new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: "short", maximumFractionDigits: 1 }).format(value);
}

/** Seconds in the locale's words: `6.04 s`, `6,04 с`. */
export function formatSeconds(seconds: number, locale: string, digits = 1): string {
  return new Intl.NumberFormat(locale, { style: "unit", unit: "second", unitDisplay: "short", maximumFractionDigits: digits }).format(
    seconds,
  );
}

/** `5 minutes ago`, `5 минут назад`. */
export function formatAge(thenMs: number, nowMs: number, locale: string): string {
  const { value, unit } = ageParts(thenMs, nowMs);
  return new Intl.RelativeTimeFormat(locale, { numeric: "auto" }).format(value, unit);
}

/** The current time, ticking every `everyMs` (ages stay true while the panel is open). */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

/** Saves text or a blob as a file through a temporary link. */
export function download(content: string | Blob, name: string, type = "application/json"): void {
  const blob = typeof content === "string" ? new Blob([content], { type }) : content;
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** An object URL for a blob, revoked when the blob changes or the component goes. */
export function useObjectUrl(blob: Blob | undefined): string | undefined {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    if (!blob) return setUrl(undefined);
    const next = URL.createObjectURL(blob);
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [blob]);
  return url;
}
