import type { ReactNode } from "react";
import { AppDocument } from "@/components/theme/app-document";
import "../globals.css";

/** The access gate's own root layout (the guide's lives under app/[locale], the embed's under app/(embed)). */
export default function AccessLayout({ children }: { children: ReactNode }) {
  return (
    <AppDocument
      lang="en"
      themeSource="storage"
      bodyClassName="min-h-screen bg-white text-zinc-900 antialiased dark:bg-zinc-950 dark:text-zinc-100"
    >
      {children}
    </AppDocument>
  );
}
