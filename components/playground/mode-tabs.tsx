"use client";

import * as Tabs from "@radix-ui/react-tabs";
import type { ReactNode } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { MODES, type ModeId } from "@/lib/spec/nano-banana-2";
import type { FormState } from "@/lib/spec/schema";

/** The four modes as an accessible tablist (Radix Tabs); the form is the selected tab's panel. */
export function ModeTabs({ onModeChange, children }: { onModeChange: (mode: ModeId) => void; children: ReactNode }) {
  const { control } = useFormContext<FormState>();
  const mode = useWatch({ control, name: "mode" });
  const current = MODES.find((m) => m.id === mode)!;
  return (
    <Tabs.Root value={mode} onValueChange={(v) => onModeChange(v as ModeId)}>
      <Tabs.List aria-label="Generation mode" className="grid grid-cols-2 gap-1 rounded-lg bg-zinc-100 p-1 sm:grid-cols-4 dark:bg-zinc-900">
        {MODES.map((m) => (
          <Tabs.Trigger
            key={m.id}
            value={m.id}
            className="rounded-md px-2 py-1.5 text-sm font-medium text-zinc-600 outline-none transition hover:text-zinc-900 focus-visible:ring-2 focus-visible:ring-amber-500 data-[state=active]:bg-white data-[state=active]:text-zinc-900 data-[state=active]:shadow-sm dark:text-zinc-400 dark:hover:text-zinc-100 dark:data-[state=active]:bg-zinc-800 dark:data-[state=active]:text-zinc-50"
          >
            {m.label}
          </Tabs.Trigger>
        ))}
      </Tabs.List>
      <Tabs.Content value={mode} className="mt-3 outline-none">
        <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-400">{current.description}</p>
        {children}
      </Tabs.Content>
    </Tabs.Root>
  );
}
