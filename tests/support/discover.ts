import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Stripe from "stripe";
import ts from "typescript";

// Found by reading the source, not from a list kept by hand: a new server action, route or page
// shows up here the day it is written (the IDOR matrix fails until it has an entry).
const ROOT = path.resolve(__dirname, "../..");
const SOURCE = /\.(ts|tsx)$/;
const NOT_SOURCE = /\.(test|spec)\.tsx?$|\.d\.ts$/;

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(ROOT, dir), {
    withFileTypes: true,
  })) {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(rel));
    else if (SOURCE.test(entry.name) && !NOT_SOURCE.test(entry.name)) out.push(rel);
  }
  return out;
}

const sourceFiles = () => [...walk("app"), ...walk("lib")].sort();
/** Everything that runs against real services: the app, its database code and its scripts (not tests). */
const appSourceFiles = () => [...walk("app"), ...walk("lib"), ...walk("db"), ...walk("scripts")].sort();
const read = (rel: string) => readFileSync(path.join(ROOT, rel), "utf8");

// The directive must be the first statement; comments may come before it.
const FILE_DIRECTIVE = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*["']use server["']/;
const ANY_DIRECTIVE = /["']use server["']/;

/** Files whose first statement is "use server": every export is a server action. */
export const serverActionFiles = () => sourceFiles().filter((f) => FILE_DIRECTIVE.test(read(f)));

/** Files with a "use server" that is not the file's directive: inline actions the matrix cannot see. */
export const inlineServerActionFiles = () => sourceFiles().filter((f) => !FILE_DIRECTIVE.test(read(f)) && ANY_DIRECTIVE.test(read(f)));

export interface DiscoveredAction {
  /** `<file>#<export>`: the key of the action's IDOR matrix entry. */
  key: string;
  file: string;
  name: string;
  fn: (...args: never[]) => unknown;
}

/** Every exported function of every "use server" module, imported the way the app imports it. */
export async function discoverServerActions(): Promise<DiscoveredAction[]> {
  const out: DiscoveredAction[] = [];
  for (const file of serverActionFiles()) {
    const mod = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      if (typeof value === "function")
        out.push({
          key: `${file}#${name}`,
          file,
          name,
          fn: value as DiscoveredAction["fn"],
        });
    }
  }
  return out;
}

/** Every route handler file (app/**\/route.ts). */
export const routeFiles = () => sourceFiles().filter((f) => f.startsWith("app/") && /\/route\.tsx?$/.test(f));

/** Every page with a dynamic segment ([id], [token]...): each takes an id from the URL. */
export const dynamicPageFiles = () => sourceFiles().filter((f) => f.startsWith("app/") && /\/page\.tsx?$/.test(f) && /\[[^\]]+\]/.test(f));

/** Every page that reads its search params (?member=<id>, ?q=...): called with dojo B's ids too. */
export const searchParamPageFiles = () => sourceFiles().filter((f) => f.startsWith("app/") && /\/page\.tsx?$/.test(f) && /\bsearchParams\b/.test(read(f)));

/** The pages the page matrix covers: an id in the path or in the query. */
export const pageFilesWithIds = () => [...new Set([...dynamicPageFiles(), ...searchParamPageFiles()])].sort();

/**
 * Every API operation of the installed `stripe` SDK as `resource.method` (`checkout.sessions.create`,
 * `testHelpers.testClocks.retrieve`), read from a client instance: each resource is a
 * StripeResource whose prototype holds its methods. Local helpers that make no request
 * (`webhooks.constructEvent`) are not resources and so not operations.
 */
export function stripeSdkOperations(): Set<string> {
  const client = new Stripe("sk_test_operation_discovery");
  const ops = new Set<string>();
  const seen = new Set<object>();
  const visit = (node: object, prefix: string[]) => {
    if (seen.has(node)) return;
    seen.add(node);
    for (const key of Object.keys(node)) {
      // `stripe` is each namespace's back-reference to the client; `_…` and v2 are not the v1 API.
      if (key.startsWith("_") || key === "stripe" || (prefix.length === 0 && key === "v2")) continue;
      const value = (node as Record<string, unknown>)[key];
      if (!value || typeof value !== "object") continue;
      if (value instanceof Stripe.StripeResource) {
        for (let proto = Object.getPrototypeOf(value); proto && proto !== Stripe.StripeResource.prototype; proto = Object.getPrototypeOf(proto)) {
          for (const method of Object.getOwnPropertyNames(proto)) {
            if (method !== "constructor" && typeof (value as unknown as Record<string, unknown>)[method] === "function") ops.add([...prefix, key, method].join("."));
          }
        }
      } else visit(value, [...prefix, key]);
    }
  };
  visit(client, []);
  return ops;
}

export interface StripeCallSite {
  /** `resource.method`, as stripeSdkOperations names it. */
  operation: string;
  /** `file:line`. */
  at: string;
}

/**
 * Every Stripe API call in the app's source: a call whose callee ends in a chain of names that
 * is an SDK operation (`stripe.checkout.sessions.create(`, `platformStripe().invoices.list(`,
 * `stripeFor(key).webhookEndpoints.retrieve(`), found in the syntax tree, so comments and
 * strings do not count and line breaks inside the chain do not hide a call. Not seen: a
 * resource first stored in a variable of its own (`const sessions = stripe.checkout.sessions`),
 * which the app does not do.
 */
export function stripeCallSites(ops: Set<string> = stripeSdkOperations()): StripeCallSite[] {
  return appSourceFiles().flatMap((file) => stripeCallSitesIn(file, read(file), ops));
}

/** The Stripe API calls in one file's text (exported to test the scanner on made-up source). */
export function stripeCallSitesIn(file: string, text: string, ops: Set<string>): StripeCallSite[] {
  const sites: StripeCallSite[] = [];
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node)) {
      const names: string[] = [];
      let callee: ts.Expression = node.expression;
      while (ts.isPropertyAccessExpression(callee)) {
        names.unshift(callee.name.text);
        callee = callee.expression;
      }
      // The longest tail of the chain that is an operation: `stripe.checkout.sessions.create` → checkout.sessions.create.
      const operation = names.map((_, start) => names.slice(start).join(".")).find((tail) => ops.has(tail));
      if (operation) sites.push({ operation, at: `${file}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}` });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return sites;
}
