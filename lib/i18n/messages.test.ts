import { describe, expect, it } from "vitest";
import { LOCALES } from "./locales";
import { MESSAGES } from "./messages";
import { STAFF_LOCALES } from "./staff-locales";
import { STAFF_MESSAGES } from "./staff-messages";

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

// The names a message fills in ({dojo}, {minutes, plural, …}) and its rich-text tags (<link>).
const argumentsOf = (message: string) =>
  [...new Set([...message.matchAll(/\{\s*([a-zA-Z]+)\s*[,}]/g)].map((m) => m[1]).concat([...message.matchAll(/<([a-zA-Z]+)>/g)].map((m) => `<${m[1]}>`)))].sort();

// Each set of message files against its English: the member-facing files in four languages, the
// staff dashboard's in two.
const SETS = [
  { name: "member-facing", trees: Object.fromEntries(LOCALES.map((l) => [l, MESSAGES[l]])) },
  { name: "staff dashboard", trees: Object.fromEntries(STAFF_LOCALES.map((l) => [l, STAFF_MESSAGES[l]])) },
];

describe.each(SETS)("$name message files", ({ trees }) => {
  const english = flatten(trees.en as unknown as Tree);
  const others = Object.keys(trees).filter((l) => l !== "en");
  const flat = (locale: string) => flatten(trees[locale] as unknown as Tree);

  it.each(others)("%s has every key English has, and no other", (locale) => {
    const keys = flat(locale);
    expect([...english.keys()].filter((k) => !keys.has(k))).toEqual([]);
    expect([...keys.keys()].filter((k) => !english.has(k))).toEqual([]);
  });

  it.each(others)("%s fills in the same values as English", (locale) => {
    const keys = flat(locale);
    const differing = [...english].filter(([key, message]) => keys.has(key) && argumentsOf(keys.get(key)!).join() !== argumentsOf(message).join()).map(([key]) => key);
    expect(differing).toEqual([]);
  });

  it.each(others)("%s is translated, not an English copy", (locale) => {
    const keys = flat(locale);
    // Short words may be the same in two languages ("Date", "Card"…); sentences may not.
    const copied = [...english].filter(([key, message]) => message.split(" ").length > 2 && keys.get(key) === message).map(([key]) => key);
    expect(copied).toEqual([]);
  });
});
