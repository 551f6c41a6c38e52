import type { ModelTexts } from "@/lib/spec/model-spec";

/** The FAQ, questions as headings so each answer is findable by its question. */
export function Faq({ items }: { items: ModelTexts["faq"] }) {
  return (
    <ol className="space-y-4">
      {items.map((item, i) => (
        <li key={item.q} aria-labelledby={`faq-${i}`}>
          <h3 id={`faq-${i}`} className="font-semibold">
            {i + 1}. {item.q}
          </h3>
          <p className="mt-1 text-zinc-700 dark:text-zinc-300">{item.a}</p>
        </li>
      ))}
    </ol>
  );
}
