"use client";

import { createContext, useContext } from "react";
import type en from "@/messages/en.json";

/** The words of recordings (messages/*.json, `recording`), given by the page in its language. */
export type RecordingLabels = (typeof en)["recording"];

const RecordingLabelsContext = createContext<RecordingLabels | null>(null);
export const RecordingLabelsProvider = RecordingLabelsContext.Provider;

/** The recording words of the page, or null where the page gives none (then no recording control shows). */
export function useRecordingLabels(): RecordingLabels | null {
  return useContext(RecordingLabelsContext);
}
