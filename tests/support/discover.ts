import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

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
