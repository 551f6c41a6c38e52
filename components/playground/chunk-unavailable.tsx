/**
 * Shown in place of a part of the playground whose code could not be fetched when it was first needed (a
 * dropped connection, or a deploy that replaced the chunk): says which part is missing instead of taking
 * the page down with it. The form's values are in the address bar, so a reload keeps them.
 */
export function ChunkUnavailable({ what }: { what: string }) {
  return (
    <p role="alert" className="text-sm text-red-700 dark:text-red-300">
      {what} could not be loaded. Check the connection and reload the page; the form keeps what you typed.
    </p>
  );
}
