import type { Account } from "./accounts";
import { invalidRequest } from "./errors";

/**
 * `expand[]`: a field holding an object id is replaced by that object; dotted paths expand
 * further (`latest_invoice.payment_intent`), `data.` reaches into list elements. Fields that are
 * not ids but lists computed on demand (a session's `line_items`, a charge's `refunds`) are
 * registered as virtual expansions by the resource that owns them.
 */
type VirtualExpansion = (account: Account, obj: Record<string, unknown>) => unknown;

const virtualExpansions = new Map<string, VirtualExpansion>();

export function registerVirtualExpansion(objectType: string, field: string, expand: VirtualExpansion): void {
  virtualExpansions.set(`${objectType}.${field}`, expand);
}

const MAX_DEPTH = 4;

export function applyExpansions<T>(account: Account, value: T, paths: string[]): T {
  for (const path of paths) {
    const parts = path.split(".");
    if (parts.length > MAX_DEPTH) {
      throw invalidRequest(`You cannot expand more than ${MAX_DEPTH} levels of a property. Property: ${path}`, "expand");
    }
    expandPath(account, value, parts, path);
  }
  return value;
}

function expandPath(account: Account, value: unknown, parts: string[], fullPath: string): void {
  if (Array.isArray(value)) {
    for (const item of value) expandPath(account, item, parts, fullPath);
    return;
  }
  if (value === null || typeof value !== "object") return;
  const obj = value as Record<string, unknown>;
  const [field, ...rest] = parts;
  const current = obj[field];
  const virtual = virtualExpansions.get(`${String(obj.object)}.${field}`);
  if (typeof current === "string") {
    const target = account.get(current);
    if (target) obj[field] = structuredClone(target);
  } else if ((current === undefined || current === null) && virtual) {
    obj[field] = virtual(account, obj);
  } else if (current === undefined) {
    throw invalidRequest(`This property cannot be expanded (${fullPath}).`, "expand");
  }
  if (rest.length > 0) expandPath(account, obj[field], rest, fullPath);
}
