"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type Dispatch, useState } from "react";
import type { Run, RunAction } from "@/lib/client/run";
import { useTaskRun } from "@/lib/client/use-task-run";

export type RunEngineProps = {
  run: Run | null;
  dispatch: Dispatch<RunAction>;
  /** Whether the upstream honours Idempotency-Keys (a create may then be retried after a 5xx). */
  idempotent: boolean;
  onCreateError: (err: unknown) => void;
};

/** TanStack Query and the run's create and watch (lib/client/use-task-run.ts); renders nothing. */
export default function RunEngine(props: RunEngineProps) {
  // One QueryClient for the page's session in the browser (this component never renders on the server).
  const [client] = useState(() => new QueryClient());
  return (
    <QueryClientProvider client={client}>
      <Engine {...props} />
    </QueryClientProvider>
  );
}

function Engine({ run, dispatch, idempotent, onCreateError }: RunEngineProps) {
  useTaskRun(run, dispatch, { idempotent, onCreateError });
  return null;
}
