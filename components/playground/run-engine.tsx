"use client";

import { QueryClient, QueryClientProvider, useMutation } from "@tanstack/react-query";
import { useEffect, useRef, useState, type Dispatch, type RefObject } from "react";
import type { Exchange } from "@/lib/client/api";
import type { Run, RunAction } from "@/lib/client/run";
import { startRun } from "@/lib/client/task-hooks";
import { useTaskWatch } from "@/lib/client/task-watch";
import type { CreateTaskRequest } from "@/lib/spec/form-state";

/** One create: the request, the uploads it uses (their exchanges join the run), and how to abort it. */
export type CreateVars = { request: CreateTaskRequest; uploads: Exchange[]; signal: AbortSignal };

/**
 * How the playground reaches the engine. `queued` holds a create submitted before the engine's code had
 * loaded; the engine starts it as soon as it mounts.
 */
export type RunEngineLink = {
  engine: RefObject<{ create: (vars: CreateVars) => void } | null>;
  queued: RefObject<CreateVars | null>;
};

export type RunEngineStatus = { creating: boolean; follower: boolean };

type Props = {
  link: RunEngineLink;
  run: Run | null;
  dispatch: Dispatch<RunAction>;
  /** Read at each create: the simulator scenario to request and whether the upstream replays Idempotency-Keys. */
  createOptions: RefObject<{ simulate?: string; idempotent?: boolean }>;
  onCreateError: (err: unknown) => void;
  onStatus: (status: RunEngineStatus) => void;
};

/**
 * The playground's task engine: TanStack Query owns the create (a mutation, with the policy's retries under
 * one Idempotency-Key) and the watch (a query per task and window). It renders nothing and is loaded right
 * after the page is interactive rather than with it (see playground-client.tsx), so the run button is
 * usable without waiting for TanStack Query; a run submitted before it arrives is queued, not lost.
 */
export default function RunEngine(props: Props) {
  // One QueryClient per browser session (created once per mount, never shared across requests).
  const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false, staleTime: 0 } } }));
  return (
    <QueryClientProvider client={client}>
      <Engine {...props} />
    </QueryClientProvider>
  );
}

function Engine({ link, run, dispatch, createOptions, onCreateError, onStatus }: Props) {
  const onError = useRef(onCreateError);
  onError.current = onCreateError;
  const create = useMutation({
    mutationFn: (vars: CreateVars) => startRun(vars.request, vars.uploads, dispatch, { ...createOptions.current, signal: vars.signal }),
    retry: false,
    onError: (err) => onError.current(err),
  });
  const { mutate } = create;
  const { follower } = useTaskWatch(run, dispatch);
  // A queued create counts as creating from the moment it is handed over (the mutation's own pending state
  // arrives a render later), so the run button does not flicker back to "Run task".
  const handedOver = useRef(false);

  useEffect(() => {
    link.engine.current = { create: mutate };
    const queued = link.queued.current;
    link.queued.current = null;
    if (queued) {
      handedOver.current = true;
      mutate(queued);
    }
    return () => {
      link.engine.current = null;
    };
  }, [link, mutate]);

  if (create.isPending || create.isError || create.isSuccess) handedOver.current = false;
  const creating = create.isPending || handedOver.current;
  useEffect(() => onStatus({ creating, follower }), [onStatus, creating, follower]);
  return null;
}
