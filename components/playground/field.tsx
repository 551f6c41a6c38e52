import type { ReactNode } from "react";

/** A labelled field with its hint and error; ids derive from `id` so aria-describedby lines up. */
export function Field({
  id,
  label,
  hint,
  error,
  children,
  as = "div",
}: {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  children: ReactNode;
  as?: "div" | "fieldset";
}) {
  const Tag = as;
  const Label = as === "fieldset" ? "legend" : "label";
  return (
    <Tag className="min-w-0 space-y-1.5">
      <Label {...(as === "div" ? { htmlFor: id } : {})} className="block text-sm font-medium">
        {label}
      </Label>
      {children}
      {hint && (
        <div id={`${id}-hint`} className="text-xs text-zinc-600 dark:text-zinc-400">
          {hint}
        </div>
      )}
      {error && (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
    </Tag>
  );
}

/** aria-describedby for a field with an optional hint and error. */
export function describedBy(id: string, hint: boolean, error: boolean): string | undefined {
  return [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;
}

export const inputClass =
  "block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm shadow-sm outline-none focus:border-amber-500 focus:ring-2 focus:ring-amber-500/30 aria-[invalid=true]:border-red-500 dark:border-zinc-700 dark:bg-zinc-900";
