"use client";

import { QueryClient, QueryClientProvider, useMutation } from "@tanstack/react-query";
import { useEffect, useRef, useState, type Dispatch, type RefObject } from "react";
import type { Exchange } from "@/lib/client/api";
import type { Run, RunAction } from "@/lib/client/run";
import { startRun } from "@/lib/client/task-hooks";
import { useTaskWatch } from "@/lib/client/task-watch";
import type { CreateTaskRequest } from "@/lib/spec/form-state";

/**
 * One create: the request, the uploads it uses (their exchanges join the run), how to abort it, and the
 * options as they were when the user clicked Run (the simulator scenario; whether the upstream replays
 * Idempotency-Keys).
 */
export type CreateVars = {
  request: CreateTaskRequest;
  uploads: Exchange[];
  signal: AbortSignal;
  options: { simulate?: string; idempotent?: boolean };
};

/**
 * How the playground reaches the engine. `queued` holds a create submitted before the engine's code had
 * loaded; the engine starts it as soon as it mounts.
 */
export type RunEngineLink = {
  engine: RefObject<{ create: (vars: CreateVars) => void } | null>;
  queued: RefObject<CreateVars | null>;
};

export type RunEngineStatus = { creating: boolean; follower: boolean };

export type RunEngineProps = {
  link: RunEngineLink;
  run: Run | null;
  dispatch: Dispatch<RunAction>;
  onCreateError: (err: unknown) => void;
  onStatus: (status: RunEngineStatus) => void;
};

/**
 * The playground's task engine: TanStack Query owns the create (a mutation, with the policy's retries under
 * one Idempotency-Key) and the watch (a query per task and window). It renders nothing and is loaded right
 * after the page is interactive rather than with it (see playground-client.tsx), so the run button is
 * usable without waiting for TanStack Query; a run submitted before it arrives is queued, not lost.
 */
export default function RunEngine(props: RunEngineProps) {
  // One QueryClient per browser session (created once per mount, never shared across requests).
  const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false, staleTime: 0 } } }));
  return (
    <QueryClientProvider client={client}>
      <Engine {...props} />
    </QueryClientProvider>
  );
}

function Engine({ link, run, dispatch, onCreateError, onStatus }: RunEngineProps) {
  const onError = useRef(onCreateError);
  onError.current = onCreateError;
  const create = useMutation({
    mutationFn: (vars: CreateVars) => startRun(vars.request, vars.uploads, dispatch, { ...vars.options, signal: vars.signal }),
    retry: false,
    onError: (err) => onError.current(err),
  });
  const { mutate } = create;
  const { follower } = useTaskWatch(run, dispatch);
  // A create queued before the engine loaded counts as creating from the first render on: the mutation's
  // own pending state arrives a little later (TanStack notifies on a timer), and reporting "not creating"
  // in between would re-enable the run button.
  const [fromQueue, setFromQueue] = useState(() => link.queued.current !== null);

  useEffect(() => {
    link.engine.current = { create: mutate };
    const queued = link.queued.current;
    link.queued.current = null;
    if (queued) mutate(queued);
    else setFromQueue(false);
    return () => {
      link.engine.current = null;
    };
  }, [link, mutate]);

  const creating = create.isPending || (fromQueue && create.isIdle);
  useEffect(() => onStatus({ creating, follower }), [onStatus, creating, follower]);
  return null;
}
