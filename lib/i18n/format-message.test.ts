import { TYPE, parse, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { _createCache, _createIntlFormatters } from "use-intl/core";
import formatWithIntlMessageFormat from "use-intl/format-message";
import { describe, expect, it } from "vitest";
import formatMessage from "./format-message";
import { LOCALES } from "./locales";
import { MESSAGES } from "./messages";
import { STAFF_LOCALES } from "./staff-locales";
import { STAFF_MESSAGES } from "./staff-messages";

// Under Next every message is formatted from its compiled form (lib/i18n/format-message.ts, the
// browser's format-only): each message of every file, in every language, must read as it did
// through intl-messageformat, for singular and plural counts and each select branch.
type Tree = { [key: string]: string | Tree };
type Values = Record<string, string | number | Date | ((chunks: unknown[]) => string)>;

function* leaves(tree: Tree, prefix = ""): Generator<[string, string]> {
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") yield [path, value];
    else yield* leaves(value, path);
  }
}

/** Values for every argument and tag of the message: `variant` 0 picks counts of 1 and a select's first branch, 1 counts of 5 and "other". */
function valuesFor(elements: MessageFormatElement[], variant: 0 | 1, out: Values = {}): Values {
  for (const el of elements) {
    if (el.type === TYPE.argument) out[el.value] ??= `«${el.value}»`;
    else if (el.type === TYPE.number) out[el.value] ??= 1234.5;
    else if (el.type === TYPE.date || el.type === TYPE.time) out[el.value] ??= new Date(Date.UTC(2026, 0, 15, 13, 45));
    else if (el.type === TYPE.plural) {
      out[el.value] ??= variant === 0 ? 1 : 5;
      for (const option of Object.values(el.options)) valuesFor(option.value, variant, out);
    } else if (el.type === TYPE.select) {
      out[el.value] ??= variant === 0 ? (Object.keys(el.options).find((k) => k !== "other") ?? "other") : "zzz-other";
      for (const option of Object.values(el.options)) valuesFor(option.value, variant, out);
    } else if (el.type === TYPE.tag) {
      out[el.value] ??= (chunks: unknown[]) => `[${el.value}:${chunks.join("")}]`;
      valuesFor(el.children, variant, out);
    }
  }
  return out;
}

const SETS = [
  ...LOCALES.map((locale) => ({ name: `member-facing ${locale}`, locale, tree: MESSAGES[locale] as unknown as Tree })),
  ...STAFF_LOCALES.map((locale) => ({ name: `staff ${locale}`, locale, tree: STAFF_MESSAGES[locale] as unknown as Tree })),
];

const text = (out: unknown) => (Array.isArray(out) ? out.join("") : String(out));

describe.each(SETS)("$name messages, compiled", ({ locale, tree }) => {
  it("format as through intl-messageformat", () => {
    const cache = _createCache();
    const options = { cache, formatters: _createIntlFormatters(cache), locale, timeZone: "UTC" };
    let checked = 0;
    for (const [key, message] of leaves(tree)) {
      for (const variant of [0, 1] as const) {
        const values = valuesFor(parse(message), variant);
        const expected = text(formatWithIntlMessageFormat(key, message, values as never, options));
        expect(text(formatMessage(key, message, values as never, options)), `${key} (${variant ? "plural/other" : "singular/first branch"})`).toBe(expected);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});
