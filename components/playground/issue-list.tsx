import type { FieldIssue } from "@/lib/spec/schema";

/** Issues of an import or a shared link: the field, then the schema's message with the allowed values. */
export function IssueList({ issues, label }: { issues: FieldIssue[]; label: string }) {
  return (
    <ul aria-label={label} className="mt-1.5 list-disc space-y-1 pl-5">
      {issues.map((issue) => (
        <li key={`${issue.param}:${issue.message}`}>
          <code className="font-mono text-xs font-semibold">{issue.param}</code>: {issue.message}
        </li>
      ))}
    </ul>
  );
}
