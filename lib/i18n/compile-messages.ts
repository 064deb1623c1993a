import compile from "icu-minify/compile";
import formatMessage from "use-intl/format-message";

// What the intl providers hand their client components: each message compiled ahead (icu-minify),
// so the browser formats it without the ICU parser (lib/i18n/format-message.ts says why). Only
// where the formatter in use reads compiled messages — under Next, through next.config.ts's alias;
// Vitest and scripts run use-intl's own formatter, which reads them as written.
const READS_COMPILED = "readsCompiled" in formatMessage;

type Tree = { [key: string]: string | Tree };

// The message files' namespaces are the same objects on every request: compiled once each.
const done = new WeakMap<Tree, Tree>();

function compileTree(tree: Tree): Tree {
  let out = done.get(tree);
  if (!out) {
    out = Object.fromEntries(Object.entries(tree).map(([key, value]) => [key, typeof value === "string" ? compiledPlain(value) : compileTree(value)]));
    done.set(tree, out);
  }
  return out;
}

/** A compiled message as plain JSON: icu-minify's plural and select branches are null-prototype objects, which React refuses to pass to a client component. */
const compiledPlain = (message: string) => JSON.parse(JSON.stringify(compile(message))) as string;

/** The messages as the client components' formatter reads them. */
export function clientMessages<T extends object>(messages: T): T {
  return READS_COMPILED ? (compileTree(messages as unknown as Tree) as unknown as T) : messages;
}
