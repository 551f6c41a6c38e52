import type { PresetNote } from "@/lib/embed/preset";

/** Says which preset parameters were ignored and why, instead of failing. */
export function PresetNotes({ notes }: { notes: PresetNote[] }) {
  if (!notes.length) return null;
  return (
    <div
      role="note"
      aria-label="Ignored embed parameters"
      className="mb-3 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
    >
      <p className="font-medium">Some embed parameters were ignored:</p>
      <ul className="mt-1 list-disc pl-5">
        {notes.map((n) => (
          <li key={n.param}>
            <code className="font-mono">
              {n.param}={n.value}
            </code>
            : {n.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
