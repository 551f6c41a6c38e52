import { headers } from "next/headers";
import type { ReactNode } from "react";
import { type ThemeSource, themeScript } from "@/lib/theme";

/**
 * The <html> of every root layout: the theme is set by an inline script in <head> before the first paint
 * (a server component, so React never renders the script on the client).
 */
export async function AppDocument({
  lang,
  themeSource,
  bodyClassName,
  children,
}: {
  lang: string;
  themeSource: ThemeSource;
  bodyClassName: string;
  children: ReactNode;
}) {
  // proxy.ts gives every page a CSP nonce; the inline theme script must carry it to run.
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <html lang={lang} suppressHydrationWarning>
      {/* biome-ignore lint/style/noHeadElement: this is the root layouts' document (App Router), where <head> is plain HTML; next/head is for pages/ */}
      <head>
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: our own script (lib/theme), inline so the theme is set before the first paint */}
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: themeScript(themeSource) }} />
        {/* Declared, so browsers do not ask for a /favicon.ico that is not there (a 404 in every console). */}
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
      </head>
      <body className={bodyClassName}>{children}</body>
    </html>
  );
}
