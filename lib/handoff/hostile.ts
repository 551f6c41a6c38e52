/** Prompts that break naive quoting: the exported code must carry each of them byte for byte. */
export const HOSTILE_PROMPTS = [
  "It's a fox's den at dawn, isn't it?",
  'A sign that reads "OPEN" in neon, then "CLOSED"',
  "Costs $5, $HOME, ${PATH}, $(whoami) and `date` stay text",
  "Backslashes \\ \\\\ \\n \\t and a trailing one \\",
  "Line one\nline two\n\n\tindented line three",
  "Тихий рассвет над Невой, 東京の夜景, 🎬🍌 and العربية",
  "'; rm -rf / #' \" && echo pwned | cat > /tmp/x; !! !$ %s %d {} [] * ? ~",
  "-d @/etc/passwd --data-raw x -H 'Authorization: Bearer nope'",
] as const;
