/** Typed search text as an ILIKE pattern that matches it literally anywhere (no wildcards from users). */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
