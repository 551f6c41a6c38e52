"use client";

import { useEffect, useState } from "react";

/** One small form: a prompt and a run button, with the same "usable" mark as the playground's button. */
export function PromptForm() {
  const [prompt, setPrompt] = useState("");
  const [sent, setSent] = useState(null);
  // Once this effect runs the button is hydrated: its click handler is attached.
  useEffect(() => {
    performance.mark("run-button-usable");
  }, []);
  return (
    <form
      aria-label="Task parameters"
      onSubmit={(e) => {
        e.preventDefault();
        setSent(prompt.trim());
      }}
    >
      <label htmlFor="prompt" style={{ display: "block" }}>
        Prompt
      </label>
      <textarea id="prompt" rows={4} value={prompt} onChange={(e) => setPrompt(e.target.value)} style={{ width: "100%" }} />
      <button type="submit" disabled={!prompt.trim()}>
        Run task
      </button>
      {sent && <p role="status">Would run: {sent}</p>}
    </form>
  );
}
