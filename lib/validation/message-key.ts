// A zod schema's own messages are keys of the "validation" messages (messages/<locale>.json), not
// words: one schema serves forms and actions in every language. The key carries its arguments in
// the message text ("validation.maxChars?max=100") because a form's resolver (react-hook-form's
// zodResolver) passes on nothing of an issue but its message. Read back in the reader's language
// by validationText: on the server (lib/action.ts) and in the browser (components/ui/field.tsx).
// Client-safe.
import type en from "@/messages/en.json";

export type ValidationKey = keyof (typeof en)["validation"];
type Args = Record<string, string | number | bigint>;

const PREFIX = "validation.";

/** The message for `key`, with `args` for its ICU arguments ({currency}, {count}…). */
export function msg(key: ValidationKey, args?: Args): string {
  const query = new URLSearchParams(Object.entries(args ?? {}).map(([name, value]) => [name, String(value)])).toString();
  return query ? `${PREFIX}${key}?${query}` : PREFIX + key;
}

/** The message of a size check (.min, .max), the check's own limit filled in as {min} or {max}. */
export function limitMsg(key: ValidationKey) {
  return {
    error: (issue: { minimum?: unknown; maximum?: unknown }) =>
      msg(key, issue.minimum !== undefined ? { min: Number(issue.minimum) } : issue.maximum !== undefined ? { max: Number(issue.maximum) } : undefined),
  };
}

/** The key and arguments of a validation message; null for any other text. */
export function readMsg(message: string): { key: string; args: Record<string, string> } | null {
  if (!message.startsWith(PREFIX)) return null;
  const query = message.indexOf("?");
  if (query === -1) return { key: message.slice(PREFIX.length), args: {} };
  return { key: message.slice(PREFIX.length, query), args: Object.fromEntries(new URLSearchParams(message.slice(query + 1))) };
}

/**
 * The "validation" namespace's `t`, as next-intl gives it (server `createTranslator`, client
 * `useTranslations`); next-intl types each key's values, a key read from a message has none.
 */
export interface ValidationWords {
  (key: never, values: never): string;
  has(key: never): boolean;
}

/** A field error in the reader's words: a validation message translated, any other text as it is. */
export function validationText(message: string, t: ValidationWords): string {
  const read = readMsg(message);
  if (!read || !t.has(read.key as never)) return message;
  return t(read.key as never, read.args as never);
}
