/** How long a video URL still works, from the upstream's `expires_at`, as the panel shows it. */
export type Expiry = { kind: "none" } | { kind: "live"; msLeft: number; text: string; at: Date } | { kind: "expired"; at: Date };

/** `23 h 59 min`, `4 min 05 s`, `12 s`: coarse far away, to the second near the end. */
export function formatLeft(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  if (h > 0) return `${h} h ${String(m).padStart(2, "0")} min`;
  if (m > 0) return `${m} min ${String(sec).padStart(2, "0")} s`;
  return `${sec} s`;
}

/** The state of a video URL at `now`; "none" when the upstream said nothing (or something unreadable). */
export function expiryOf(expiresAt: string | undefined, now: number): Expiry {
  if (!expiresAt) return { kind: "none" };
  const at = Date.parse(expiresAt);
  if (Number.isNaN(at)) return { kind: "none" };
  const msLeft = at - now;
  return msLeft <= 0 ? { kind: "expired", at: new Date(at) } : { kind: "live", msLeft, text: formatLeft(msLeft), at: new Date(at) };
}
