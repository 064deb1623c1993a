import { msg } from "@/lib/validation/message-key";

// The codes a campaign's subject and body may contain; each becomes the recipient's own value.
export const MERGE_CODES = {
  firstname: "First name",
  lastname: "Last name",
  fullname: "Full name",
  uid: "Member UID",
  email: "E-mail address",
  dojoname: "Dojo name",
  portallink: "Members-area link",
  stripecardlink: "Personal “add your card” link",
  familyname: "Family name (empty when not in a family)",
} as const;

export type MergeCode = keyof typeof MERGE_CODES;
export type MergeValues = Record<MergeCode, string>;

/**
 * Codes whose value is a URL, with the button each becomes when it stands on its own in a mail's
 * HTML part (the text part shows the bare URL). Only these may be the target of a Markdown link.
 */
export const URL_CODE_BUTTONS = {
  portallink: "Open the members area",
  stripecardlink: "Add my card",
} as const satisfies Partial<Record<MergeCode, string>>;

export type UrlCode = keyof typeof URL_CODE_BUTTONS;
export const URL_CODES = Object.keys(URL_CODE_BUTTONS) as UrlCode[];

export function isUrlCode(code: string): code is UrlCode {
  return Object.hasOwn(URL_CODE_BUTTONS, code);
}

/** What the help shows for each code: what a member's mail says where the code stands. */
export const MERGE_CODE_EXAMPLES: Record<MergeCode, string> = {
  firstname: "Aiko",
  lastname: "Tanaka",
  fullname: "Aiko Tanaka",
  uid: "K7M2Q9X",
  email: "aiko@example.com",
  dojoname: "Kaizen Dojo",
  portallink: "a button “Open the members area” (the bare link in the plain-text part)",
  stripecardlink: "a button “Add my card” (the bare link in the plain-text part)",
  familyname: "Tanaka",
};

// `{word}`: anything else in braces (JSON, "{ }") is left alone as text.
const CODE = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

export function isMergeCode(code: string): code is MergeCode {
  return Object.hasOwn(MERGE_CODES, code);
}

/** The distinct codes in a text that are not merge codes, as typed (e.g. ["fristname"]). */
export function unknownMergeCodes(text: string): string[] {
  const unknown = new Set<string>();
  for (const [, code] of text.matchAll(CODE)) if (!isMergeCode(code.toLowerCase())) unknown.add(code);
  return [...unknown];
}

/** A field error for a text with unknown codes (a validation message, lib/validation/message-key.ts), or null. */
export function mergeCodeError(text: string): string | null {
  const unknown = unknownMergeCodes(text);
  if (!unknown.length) return null;
  const codes = unknown.map((c) => `{${c}}`).join(", ");
  return msg("unknownMergeCodes", { count: unknown.length, codes, allowed: Object.keys(MERGE_CODES).map((c) => `{${c}}`).join(" ") });
}

/** Replaces every code with `replace(code)`; codes are matched case-insensitively. */
export function replaceMergeCodes(text: string, replace: (code: MergeCode) => string): string {
  return text.replace(CODE, (whole, code: string) => {
    const key = code.toLowerCase();
    return isMergeCode(key) ? replace(key) : whole;
  });
}
