/** A letter or digit: a piece of typed text without one holds no word to look for. */
const wordCharacter = /[\p{L}\p{N}]/u;

/**
 * The FTS5 query for names as the staffer types them: every typed word must begin a word of the
 * name. Each word is quoted (quotes doubled), so FTS5's syntax — `"`, `*`, `AND`, `NEAR`, `:`,
 * `^`, parentheses — is read as text and never as an operator. Undefined when nothing typed is a word.
 */
export function nameMatch(typed: string): string | undefined {
  const words = typed.split(/\s+/).filter((word) => wordCharacter.test(word));
  if (words.length === 0) return undefined;
  return words.map((word) => `"${word.replace(/"/g, '""')}"*`).join(' ');
}
