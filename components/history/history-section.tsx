"use client";

import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { unavailable } from "@/components/playground/chunk-unavailable";
import type { HistoryActions } from "./history-item";

// The panel (IndexedDB through idb, the list, export/import, HAR) loads when the section is first opened.
const HistoryPanel = dynamic(() => import("./history-panel").then((m) => m.HistoryPanel, unavailable({ part: "history" })), {
  ssr: false,
  loading: () => <Loading />,
});

function Loading() {
  const t = useTranslations("history.section");
  return <p className="text-sm text-zinc-500">{t("loading")}</p>;
}

const OPEN_KEY = "playground.history.open";

/** The History section: a disclosure under the playground; whether it is open is remembered in this browser. */
export function HistorySection(props: HistoryActions & { shownId?: string }) {
  const t = useTranslations("history.section");
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (localStorage.getItem(OPEN_KEY) === "1") setOpen(true);
  }, []);
  const toggle = () => {
    setOpen(!open);
    localStorage.setItem(OPEN_KEY, open ? "0" : "1");
  };
  return (
    <section aria-labelledby="history-heading" className="min-w-0 rounded-xl border border-zinc-200 p-4 dark:border-zinc-800">
      <div className="flex items-center justify-between gap-2">
        <h2 id="history-heading" className="text-lg font-semibold">
          {t("title")}
        </h2>
        <button
          type="button"
          aria-expanded={open}
          aria-controls="history-body"
          onClick={toggle}
          className="rounded-md border border-zinc-300 px-2.5 py-1 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
        >
          {open ? t("hide") : t("show")}
        </button>
      </div>
      {open && (
        <div id="history-body" className="mt-3">
          <HistoryPanel {...props} />
        </div>
      )}
    </section>
  );
}
