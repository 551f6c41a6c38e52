/**
 * POSIX shell quoting for exported snippets. Single quotes keep every byte literal (`$`, backticks,
 * backslashes, double quotes, newlines, any Unicode); a single quote itself is written as `'\''`.
 */
const SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** Quotes one word so that any POSIX shell reads it back byte for byte. */
export function shellQuote(value: string): string {
  if (SAFE.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
