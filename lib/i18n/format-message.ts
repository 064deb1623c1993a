import compile from "icu-minify/compile";
import formatCompiled from "use-intl/format-message/format-only";

// next-intl's message formatter on the server, under Next (next.config.ts aliases
// `use-intl/format-message` here; the browser gets use-intl's format-only instead). The browser's
// formatter reads messages compiled ahead (lib/i18n/compile-messages.ts): without the ICU parser
// and intl-messageformat it is about 9 kB (gzip) lighter on every page. The server formats both
// what the providers hand the client components (compiled: the same output as the browser's
// when a client component renders on the server) and the message files as written (pages,
// mails), compiled here once per message. lib/i18n/format-message.test.ts checks every
// message formats the same as through intl-messageformat.
type FormatArgs = Parameters<typeof formatCompiled>;
type CompiledMessage = FormatArgs[1];

const compiled = new Map<string, CompiledMessage>();

function compiledOnce(message: string): CompiledMessage {
  let c = compiled.get(message);
  if (c === undefined) {
    c = compile(message);
    compiled.set(message, c);
  }
  return c;
}

function formatMessage(key: FormatArgs[0], message: CompiledMessage | string, values: FormatArgs[2], options: FormatArgs[3]) {
  return formatCompiled(key, typeof message === "string" ? compiledOnce(message) : message, values, options);
}

// `t.raw` reads the message as written: on the server, the message files are.
formatMessage.raw = true;
/** Read by compile-messages.ts: the providers may hand their client components compiled messages. */
formatMessage.readsCompiled = true;

export default formatMessage;
