import type { ReactNode } from "react";
import { Providers } from "@/app/providers";
import { themeScript, type ThemeSource } from "@/lib/theme";

/**
 * The <html> of every root layout: the theme is set by an inline script in <head> before the first paint
 * (a server component, so React never renders the script on the client).
 */
export function AppDocument({ lang, themeSource, bodyClassName, children }: { lang: string; themeSource: ThemeSource; bodyClassName: string; children: ReactNode }) {
  return (
    <html lang={lang} suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: themeScript(themeSource) }} />
      </head>
      <body className={bodyClassName}>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
