import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

// Which message namespaces the client components reachable from some files read: every
// `useTranslations("…")` in a file those files import, directly or through others. Walks the
// project's own imports (`@/…` and relative), not packages; a server component's words come from
// staffT on the server and need no provider, but counting them too only makes the answer safer.
const ROOT = process.cwd();
const IMPORT = /(?:^|[\s;])(?:import|export)\s[^"';]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|^\s*import\s+["']([^"']+)["']/gm;
// Comment lines are left out: a doc comment may show a call as an example.
const COMMENT_LINE = /^\s*(\/\/|\*|\/\*).*$/gm;
const USE_TRANSLATIONS = /useTranslations(?:<[^>]*>)?\(\s*(?:["'`]([^"'`]*)["'`])?\s*\)/g;

function resolve(from: string, spec: string): string | null {
  const base = spec.startsWith("@/") ? path.join(ROOT, spec.slice(2)) : spec.startsWith(".") ? path.resolve(path.dirname(from), spec) : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.tsx`, `${base}.ts`, path.join(base, "index.tsx"), path.join(base, "index.ts")]) {
    if (/\.(tsx?|mts)$/.test(candidate) && existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

export function filesUnder(dir: string, { recursive = true } = {}): string[] {
  const full = path.join(ROOT, dir);
  return readdirSync(full).flatMap((name) => {
    const file = path.join(full, name);
    if (statSync(file).isDirectory()) return recursive ? filesUnder(path.join(dir, name)) : [];
    return /\.(tsx?)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [file] : [];
  });
}

/** Namespace → the files that read it ("" for `useTranslations()`, the whole tree). */
export function namespacesReachedFrom(entries: string[]): Map<string, string[]> {
  const seen = new Set<string>();
  const found = new Map<string, string[]>();
  const queue = entries.map((e) => (path.isAbsolute(e) ? e : path.join(ROOT, e)));
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(file, "utf8");
    for (const m of source.replace(COMMENT_LINE, "").matchAll(USE_TRANSLATIONS)) {
      const namespace = m[1] ?? "";
      found.set(namespace, [...(found.get(namespace) ?? []), path.relative(ROOT, file)]);
    }
    for (const m of source.matchAll(IMPORT)) {
      const next = resolve(file, m[1] ?? m[2] ?? m[3]);
      if (next && !seen.has(next)) queue.push(next);
    }
  }
  return found;
}
