"use client";

import { type FormEvent, useState } from "react";
import { inputClass } from "./field";

/** Resume watching any task by its id: one made here before a reload, in another tab, or outside the playground. */
export function WatchTaskForm({ onWatch }: { onWatch: (taskId: string) => void }) {
  const [value, setValue] = useState("");
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // The schema (and zod) load when an id is first submitted, not with the page.
    const { taskIdSchema } = await import("@/lib/spec/schema");
    const parsed = taskIdSchema.safeParse(value.trim());
    if (!parsed.success) return setError(parsed.error.issues[0].message);
    setError(null);
    onWatch(parsed.data);
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label="Watch a task by id" className="space-y-1">
      <div className="flex gap-2">
        <label htmlFor="nb2-watch-id" className="sr-only">
          Task id to watch
        </label>
        <input
          id="nb2-watch-id"
          className={`${inputClass} font-mono`}
          placeholder="task_… (paste a task id to watch it)"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          aria-invalid={!!error}
          aria-describedby={error ? "nb2-watch-id-error" : undefined}
        />
        <button
          type="submit"
          className="shrink-0 rounded-md border border-zinc-300 px-3 py-1 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
        >
          Watch task
        </button>
      </div>
      {error && (
        <p id="nb2-watch-id-error" role="alert" className="text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
    </form>
  );
}
