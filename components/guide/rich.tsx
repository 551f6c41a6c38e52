import { Fragment, type ReactNode } from "react";

/** Fills `{name}` placeholders of a translated sentence with elements (code, links), keeping word order per language. */
export function Rich({ template, slots }: { template: string; slots: Record<string, ReactNode> }) {
  const parts = template.split(/(\{\w+\})/g);
  return (
    <>
      {parts.map((part, i) => {
        const name = /^\{(\w+)\}$/.exec(part)?.[1];
        // biome-ignore lint/suspicious/noArrayIndexKey: the pieces of one fixed sentence, never reordered
        return <Fragment key={i}>{name && name in slots ? slots[name] : part}</Fragment>;
      })}
    </>
  );
}
