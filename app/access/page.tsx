import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { accessGateEnabled, safeNextPath } from "@/lib/security/access";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Access token — video model playground" };

/** The access gate's page: one labelled field, works without JavaScript (a plain form POST). */
export default async function AccessPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  if (!accessGateEnabled()) redirect("/");
  const params = await searchParams;
  const next = safeNextPath(typeof params.next === "string" ? params.next : "/");
  const failed = params.error === "1";
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-12">
      <h1 className="text-2xl font-semibold tracking-tight">Enter the access token</h1>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
        This playground runs tasks on a paid key, so it is open to people who have the token. You enter it once; this browser then keeps a
        signed cookie for 7 days.
      </p>
      <form method="post" action="/api/access" className="mt-6 space-y-3">
        <input type="hidden" name="next" value={next} />
        <label htmlFor="access-token" className="block text-sm font-medium">
          Access token
        </label>
        <input
          id="access-token"
          name="token"
          type="password"
          required
          autoComplete="current-password"
          aria-invalid={failed || undefined}
          aria-describedby={failed ? "access-token-error" : undefined}
          className="w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm focus:outline-2 focus:outline-amber-500 dark:border-zinc-700 dark:bg-zinc-900"
        />
        {failed && (
          <p id="access-token-error" role="alert" className="text-sm text-red-600 dark:text-red-400">
            That token is not right. Check it and try again.
          </p>
        )}
        <button type="submit" className="rounded-md bg-amber-500 px-4 py-2 text-sm font-semibold text-zinc-950 hover:bg-amber-400">
          Enter
        </button>
      </form>
    </main>
  );
}
