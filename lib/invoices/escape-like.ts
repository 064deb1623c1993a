/** Makes typed search text match literally inside an ILIKE pattern (no wildcards from users). */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
