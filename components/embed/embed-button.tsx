"use client";

import dynamic from "next/dynamic";
import { useState } from "react";
import { unavailable } from "@/components/playground/chunk-unavailable";
import type { EmbedLabels } from "./embed-dialog";

export type { EmbedLabels };

// The dialog (the embed code, its preset and theme choices) loads on the first click, not with the page.
// If it cannot be fetched, the click says so where the dialog would have opened, over the page.
const EMBED_UNAVAILABLE_CLASS =
  "fixed inset-x-4 bottom-4 z-50 mx-auto max-w-lg rounded-lg border border-red-300 bg-white p-3 shadow-lg dark:border-red-800 dark:bg-zinc-900";
const EmbedDialog = dynamic(
  () => import("./embed-dialog").then((m) => m.EmbedDialog, unavailable({ part: "embed" }, EMBED_UNAVAILABLE_CLASS)),
  {
    ssr: false,
  },
);

/** "Embed": opens the dialog with the iframe code for the playground's current configuration. */
export function EmbedButton({ labels }: { labels: EmbedLabels }) {
  const [openCount, setOpenCount] = useState(0);
  return (
    <>
      <button
        type="button"
        onClick={() => setOpenCount((n) => n + 1)}
        className="ml-auto rounded-md border border-zinc-300 px-2.5 py-1 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
      >
        {labels.button}
      </button>
      {openCount > 0 && <EmbedDialog labels={labels} openCount={openCount} />}
    </>
  );
}
