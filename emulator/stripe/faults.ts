/**
 * Injected failures for the app's retry tests: the next `count` API requests matching a method and
 * path answer 500 (or hang until the client gives up) *without executing*, so nothing is recorded
 * for their idempotency key and a retry runs the request exactly once.
 */
export interface FaultRule {
  id: number;
  method: string;
  /** Exact path (`/v1/payment_intents`) or a prefix ending in `*` (`/v1/payment_intents/*`). */
  path: string;
  remaining: number;
  kind: "error" | "hang";
  /** For `error`: the status to answer (default 500). */
  status: number;
  /** For `hang`: how long the socket stays silent before it is closed (default 30 s). */
  hangMs: number;
  /** Only requests made with this API key (lets parallel test files stay independent). */
  apiKey?: string;
}

let rules: FaultRule[] = [];
let nextId = 1;

export type FaultInput = Partial<Omit<FaultRule, "id" | "remaining">> & { count?: number };

export function addFault(input: FaultInput): FaultRule {
  if (!input.path || !input.path.startsWith("/")) throw new Error("path must start with '/'");
  const kind = input.kind ?? "error";
  if (kind !== "error" && kind !== "hang") throw new Error("kind must be 'error' or 'hang'");
  const rule: FaultRule = {
    id: nextId++,
    method: (input.method ?? "POST").toUpperCase(),
    path: input.path,
    remaining: input.count ?? 1,
    kind,
    status: input.status ?? 500,
    hangMs: input.hangMs ?? 30_000,
    apiKey: input.apiKey,
  };
  rules.push(rule);
  return rule;
}

function pathMatches(rulePath: string, path: string): boolean {
  return rulePath.endsWith("*") ? path.startsWith(rulePath.slice(0, -1)) : rulePath === path;
}

/** Consumes one use of the first matching rule. */
export function takeFault(method: string, path: string, apiKey: string | null): FaultRule | null {
  const rule = rules.find(
    (r) => r.remaining > 0 && r.method === method && pathMatches(r.path, path) && (!r.apiKey || r.apiKey === apiKey),
  );
  if (!rule) return null;
  rule.remaining--;
  rules = rules.filter((r) => r.remaining > 0);
  return { ...rule };
}

export function listFaults(): FaultRule[] {
  return rules.map((r) => ({ ...r }));
}

export function clearFaults(): void {
  rules = [];
}
