"use client";

import * as AlertDialog from "@radix-ui/react-alert-dialog";
import { useTranslations } from "next-intl";
import { buttonClass, dangerButtonClass } from "./styles";

/**
 * "Clear history" behind a confirmation: Radix's AlertDialog (focus moves into it and stays, Escape and
 * Cancel close it, the trigger gets focus back, and it is announced as an alert dialog).
 */
export function ClearHistoryDialog({ count, onConfirm }: { count: number; onConfirm: () => void }) {
  const t = useTranslations("history");
  return (
    <AlertDialog.Root>
      <AlertDialog.Trigger asChild>
        <button type="button" className={dangerButtonClass} disabled={count === 0}>
          {t("clear.button")}
        </button>
      </AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <AlertDialog.Content className="fixed top-1/2 left-1/2 z-50 w-[min(28rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 rounded-xl border border-zinc-200 bg-white p-5 text-zinc-900 shadow-xl dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100">
          <AlertDialog.Title className="text-lg font-semibold">{t("clear.title")}</AlertDialog.Title>
          <AlertDialog.Description className="mt-2 text-sm text-zinc-700 dark:text-zinc-300">
            {t("clear.description", { count })}
          </AlertDialog.Description>
          <div className="mt-4 flex justify-end gap-2">
            <AlertDialog.Cancel asChild>
              <button type="button" className={buttonClass}>
                {t("clear.cancel")}
              </button>
            </AlertDialog.Cancel>
            <AlertDialog.Action asChild>
              <button type="button" className={dangerButtonClass} onClick={onConfirm}>
                {t("clear.confirm")}
              </button>
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
