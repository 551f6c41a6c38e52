"use client";

/**
 * A radio group styled as a segmented control: native radios, so keyboard and screen readers just work.
 * `compact`: the options as wide as their labels and wrapping, the legend for assistive tech only (a
 * switch whose heading is already on screen, like the hand-off's formats).
 */
export function SegmentedRadio<T extends string | number>({
  id,
  legend,
  name,
  value,
  onChange,
  options,
  error,
  compact,
}: {
  id: string;
  legend: string;
  name: string;
  value: T;
  onChange: (value: T) => void;
  options: readonly { value: T; label: string; hint?: string }[];
  error?: string;
  compact?: boolean;
}) {
  return (
    <fieldset className="min-w-0" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className={compact ? "sr-only" : "mb-1.5 block text-sm font-medium"}>{legend}</legend>
      <div className={`flex gap-1 rounded-lg bg-zinc-100 p-1 dark:bg-zinc-900${compact ? " flex-wrap" : ""}`}>
        {options.map((o) => (
          <label
            key={String(o.value)}
            className={`flex cursor-pointer flex-col items-center rounded-md px-2 py-1 text-sm has-[:checked]:bg-white has-[:checked]:shadow-sm has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-amber-500 dark:has-[:checked]:bg-zinc-800${compact ? " font-medium text-zinc-600 hover:text-zinc-900 has-[:checked]:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100 dark:has-[:checked]:text-zinc-50" : " flex-1 has-[:checked]:font-medium"}`}
          >
            <input
              type="radio"
              className="sr-only"
              name={name}
              value={String(o.value)}
              checked={value === o.value}
              onChange={() => onChange(o.value)}
            />
            <span>{o.label}</span>
            {o.hint && <span className="text-[11px] text-zinc-600 dark:text-zinc-400">{o.hint}</span>}
          </label>
        ))}
      </div>
      {error && (
        <p id={`${id}-error`} role="alert" className="mt-1.5 text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
    </fieldset>
  );
}
