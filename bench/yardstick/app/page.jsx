import { PromptForm } from "./prompt-form";

// Rendered per request, like the playground's pages, so both pay the same server path.
export const dynamic = "force-dynamic";

export default function Page() {
  return (
    <main style={{ maxWidth: 640, margin: "2rem auto", fontFamily: "system-ui, sans-serif" }}>
      <h1>A bare Next page</h1>
      <p>One small client form, nothing else: the yardstick for the playground's weight and speed.</p>
      <PromptForm />
    </main>
  );
}
