/**
 * The postMessage types between an embed and its host page: the embed sends `resize`; a host may send
 * `theme` to switch the embed's theme. Their own module, so the embed's first load does not carry the
 * host-page snippet (lib/embed/snippet.ts) along with them. The names keep the first model's prefix for
 * every model: host pages already listen for them.
 */
export const EMBED_MESSAGES = { resize: "nano-banana-2:resize", theme: "nano-banana-2:theme" } as const;

export type ResizeMessage = { type: typeof EMBED_MESSAGES.resize; height: number };
