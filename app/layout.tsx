import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Providers } from "./providers";
import "./globals.css";

export const metadata: Metadata = {
  title: "nano-banana-2 API — model guide and playground",
  description:
    "Rehearse nano-banana-2 video generation (Text-to-Video, Image-to-Video, R2V, Video Edit): validate parameters, watch the raw task exchanges and copy the request.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-white text-zinc-900 antialiased dark:bg-zinc-950 dark:text-zinc-100">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
