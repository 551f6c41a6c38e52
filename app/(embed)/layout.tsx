import type { Metadata } from "next";
import type { ReactNode } from "react";
import { AppDocument } from "@/components/theme/app-document";
import "../globals.css";

export const metadata: Metadata = { title: "Playground", robots: { index: false } };

/**
 * The chrome-less root layout of embeddable views: no header, no page padding, a transparent-looking
 * body, and the theme taken from the `theme` query parameter (or the system setting) before first paint.
 */
export default function EmbedLayout({ children }: { children: ReactNode }) {
  return (
    <AppDocument lang="en" themeSource="query" bodyClassName="bg-white text-zinc-900 antialiased dark:bg-zinc-950 dark:text-zinc-100">
      {children}
    </AppDocument>
  );
}
