"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useEffect, useRef, useState, type Dispatch, type RefObject } from "react";
import type { Exchange } from "@/lib/client/api";
import type { Run, RunAction } from "@/lib/client/run";
import { useTaskRun } from "@/lib/client/use-task-run";
import type { CreateTaskRequest } from "@/lib/spec/form-state";

/** One create as the user asked for it: the request, the uploads it uses (their exchanges join the run), the simulator's scenario. */
export type CreateVars = { request: CreateTaskRequest; uploads: Exchange[]; simulate?: string };

/**
 * How the playground reaches the engine. `queued` holds a create submitted before the engine's code had
 * loaded; the engine starts it as soon as it mounts.
 */
export type RunEngineLink = {
  engine: RefObject<{ create: (vars: CreateVars) => void; watch: (taskId: string) => void } | null>;
  queued: RefObject<CreateVars | null>;
};

export type RunEngineProps = {
  link: RunEngineLink;
  run: Run | null;
  dispatch: Dispatch<RunAction>;
  /** Whether the upstream honours Idempotency-Keys (a create may then be retried after a 5xx). */
  idempotent: boolean;
  onCreateError: (err: unknown) => void;
  onCreating: (creating: boolean) => void;
};

/**
 * The playground's task engine: TanStack Query runs the create and the watch (lib/client/use-task-run.ts).
 * It renders nothing and is loaded right after the page is interactive rather than with it (see
 * playground-client.tsx), so the run button is usable without waiting for TanStack Query; a run submitted
 * before it arrives is queued, not lost.
 */
export default function RunEngine(props: RunEngineProps) {
  // One QueryClient per browser session (created once per mount, never shared across requests).
  const [client] = useState(() => new QueryClient());
  return (
    <QueryClientProvider client={client}>
      <Engine {...props} />
    </QueryClientProvider>
  );
}

function Engine({ link, run, dispatch, idempotent, onCreateError, onCreating }: RunEngineProps) {
  const onError = useRef(onCreateError);
  onError.current = onCreateError;
  const { start, watch, creating } = useTaskRun(run, dispatch, { idempotent, onCreateError: (err) => onError.current(err) });
  // A create queued before the engine loaded counts as creating from the first render on: the mutation's
  // own pending state arrives a little later (TanStack notifies on a timer), and reporting "not creating"
  // in between would re-enable the run button.
  const [fromQueue, setFromQueue] = useState(() => link.queued.current !== null);

  useEffect(() => {
    const create = ({ request, uploads, simulate }: CreateVars) => start(request, uploads, simulate);
    link.engine.current = { create, watch };
    const queued = link.queued.current;
    link.queued.current = null;
    if (queued) create(queued);
    return () => {
      link.engine.current = null;
    };
  }, [link, start, watch]);
  useEffect(() => {
    if (creating) setFromQueue(false);
  }, [creating]);

  const busy = creating || fromQueue;
  useEffect(() => onCreating(busy), [onCreating, busy]);
  return null;
}
