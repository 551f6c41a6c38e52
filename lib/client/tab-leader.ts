"use client";

import { useEffect, useState } from "react";
import type { Task } from "@/lib/spec/schema";

/**
 * One poller per task across the tabs of this browser: the tab holding the Web Lock `nb2-watch:<id>`
 * polls and broadcasts what it sees on a BroadcastChannel; the other tabs wait for the lock and show the
 * broadcasts. When the polling tab stops or closes, the lock passes to the next tab.
 */

const CHANNEL = "nb2-task-updates";
type Message = { taskId: string; task: Task };

/** True when this tab holds the watch lock of `taskId` (or the browser has or grants no Web Locks), false while it waits. */
export function useTaskLeadership(taskId: string | undefined, active: boolean): boolean {
  const [leader, setLeader] = useState(false);
  useEffect(() => {
    if (!active || !taskId) return;
    if (typeof navigator === "undefined" || !navigator.locks) {
      setLeader(true);
      return () => setLeader(false);
    }
    const abort = new AbortController();
    let release: (() => void) | undefined;
    navigator.locks
      .request(`nb2-watch:${taskId}`, { signal: abort.signal }, () => {
        setLeader(true);
        return new Promise<void>((resolve) => (release = resolve));
      })
      // Where the browser refuses the lock (e.g. a third-party iframe with partitioned storage, or an
      // opaque origin), this tab polls by itself rather than waiting for a leader that never comes.
      .catch(() => {
        if (!abort.signal.aborted) setLeader(true);
      });
    return () => {
      abort.abort();
      release?.();
      setLeader(false);
    };
  }, [taskId, active]);
  return leader;
}

/** Sends a task update to the other tabs. */
export function broadcastTask(task: Task): void {
  if (typeof BroadcastChannel === "undefined") return;
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage({ taskId: task.task_id, task } satisfies Message);
  channel.close();
}

/** Calls `onTask` with every update another tab broadcasts about `taskId` while `active`. */
export function useTaskBroadcasts(taskId: string | undefined, active: boolean, onTask: (task: Task) => void): void {
  useEffect(() => {
    if (!active || !taskId || typeof BroadcastChannel === "undefined") return;
    const channel = new BroadcastChannel(CHANNEL);
    channel.onmessage = (event: MessageEvent<Message>) => {
      if (event.data?.taskId === taskId) onTask(event.data.task);
    };
    return () => channel.close();
  }, [taskId, active, onTask]);
}
