/**
 * Stripe's request encoding: `application/x-www-form-urlencoded` with nested brackets
 * (`line_items[0][price]=…`, `metadata[plan]=…`, `expand[]=…`). Decoded into plain objects and
 * arrays; every leaf stays a string, as on the wire — the parameter readers convert.
 */
export type FormValue = string | FormValue[] | FormObject;
export interface FormObject {
  [key: string]: FormValue;
}

export function parseForm(body: string): FormObject {
  const root: FormObject = {};
  if (!body) return root;
  for (const pair of body.split("&")) {
    if (!pair) continue;
    const eq = pair.indexOf("=");
    const rawKey = eq === -1 ? pair : pair.slice(0, eq);
    const rawValue = eq === -1 ? "" : pair.slice(eq + 1);
    const key = decode(rawKey);
    const value = decode(rawValue);
    assign(root, keyPath(key), value);
  }
  return compactArrays(root) as FormObject;
}

function decode(s: string): string {
  return decodeURIComponent(s.replace(/\+/g, " "));
}

/** `a[b][0][]` → ["a", "b", "0", ""] */
function keyPath(key: string): string[] {
  const open = key.indexOf("[");
  if (open <= 0) return [key];
  const parts = [key.slice(0, open)];
  const re = /\[([^\]]*)\]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(key.slice(open)))) parts.push(m[1]);
  return parts;
}

// Objects whose keys are all indices become arrays once parsing is done (see compactArrays);
// while parsing, numbered and `[]` entries live in objects so sparse indices keep their order.
const APPEND = "\u0000append";

function assign(target: FormObject, path: string[], value: string): void {
  let node: FormObject = target;
  for (let i = 0; i < path.length; i++) {
    const last = i === path.length - 1;
    let part = path[i];
    if (part === "") {
      // `[]`: each occurrence appends a new element.
      const next = Object.keys(node).filter((k) => k.startsWith(APPEND)).length;
      part = `${APPEND}${String(next).padStart(6, "0")}`;
    }
    if (last) {
      node[part] = value;
      return;
    }
    const existing = node[part];
    if (existing === undefined || typeof existing === "string") {
      const child: FormObject = {};
      node[part] = child;
      node = child;
    } else {
      node = existing as FormObject;
    }
  }
}

function compactArrays(value: FormValue): FormValue {
  if (typeof value === "string" || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  const isArray = keys.length > 0 && keys.every((k) => /^\d+$/.test(k) || k.startsWith(APPEND));
  if (isArray) {
    const sorted = keys.sort((a, b) => sortKey(a) - sortKey(b));
    return sorted.map((k) => compactArrays(value[k]));
  }
  const out: FormObject = {};
  for (const k of keys) out[k] = compactArrays(value[k]);
  return out;
}

function sortKey(k: string): number {
  return k.startsWith(APPEND) ? 1e9 + Number(k.slice(APPEND.length)) : Number(k);
}
