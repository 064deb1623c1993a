import { createHash } from "node:crypto";
import Stripe from "stripe";
import { resourceMissing } from "./errors";
import { nowSeconds } from "./ids";

/** Anything with Stripe's `id` + `object` discriminator. */
export interface StripeObject {
  id: string;
  object: string;
}

export type KeyMode = "test" | "live";

/**
 * One Stripe account: everything created with one secret key. Keys map to accounts by mode and
 * suffix — `sk_test_X`, `rk_test_X` and the publishable `pk_test_X` all belong to the same
 * account, `sk_test_Y` is another one — so each dojo's key pair is its own isolated account.
 */
export class Account {
  readonly id: string;
  readonly created = nowSeconds();
  readonly livemode: boolean;
  readonly displayName: string;
  /**
   * The account's default API version: events are created in it (webhook endpoints without an
   * `api_version` receive them so). A test control sets it, as upgrading in the dashboard would.
   */
  apiVersion: string = Stripe.API_VERSION;
  private readonly objects = new Map<string, StripeObject>();
  /** Emulator-only state next to an object (card number, 3-D Secure status, …); never serialised. */
  private readonly internals = new Map<string, Record<string, unknown>>();

  constructor(
    readonly mode: KeyMode,
    readonly suffix: string,
  ) {
    this.livemode = mode === "live";
    this.id = `acct_${createHash("sha256").update(`${mode}:${suffix}`).digest("hex").slice(0, 16)}`;
    this.displayName = `Emulator account ${suffix}`;
  }

  insert<T extends StripeObject>(obj: T): T {
    this.objects.set(obj.id, obj);
    objectOwners.set(obj.id, this);
    return obj;
  }

  get<T extends StripeObject>(id: string, type?: string): T | undefined {
    const obj = this.objects.get(id);
    if (!obj || (type && obj.object !== type)) return undefined;
    return obj as T;
  }

  /** The object or Stripe's 404 `No such <label>: '<id>'`. */
  require<T extends StripeObject>(id: string, type: string, label: string, param = "id"): T {
    const obj = this.get<T>(id, type);
    if (!obj || (obj as { deleted?: boolean }).deleted) throw resourceMissing(label, id, param);
    return obj;
  }

  /** Newest first, like every Stripe list. */
  list<T extends StripeObject>(type: string, filter: (obj: T) => boolean = () => true): T[] {
    const out: T[] = [];
    for (const obj of this.objects.values()) {
      if (obj.object === type && !(obj as { deleted?: boolean }).deleted && filter(obj as T)) out.push(obj as T);
    }
    return out.reverse();
  }

  remove(id: string): void {
    this.objects.delete(id);
    this.internals.delete(id);
    objectOwners.delete(id);
  }

  internal<T extends Record<string, unknown>>(id: string): T {
    let entry = this.internals.get(id);
    if (!entry) {
      entry = {};
      this.internals.set(id, entry);
    }
    return entry as T;
  }
}

const accounts = new Map<string, Account>();
const objectOwners = new Map<string, Account>();
const revokedKeys = new Set<string>();

const KEY_PATTERN = /^(sk|rk|pk)_(test|live)_([A-Za-z0-9_]+)$/;

export interface ParsedKey {
  kind: "secret" | "restricted" | "publishable";
  mode: KeyMode;
  suffix: string;
}

export function parseKey(key: string): ParsedKey | null {
  const m = KEY_PATTERN.exec(key);
  if (!m) return null;
  const kind = m[1] === "sk" ? "secret" : m[1] === "rk" ? "restricted" : "publishable";
  return { kind, mode: m[2] as KeyMode, suffix: m[3] };
}

/** The account a well-formed, unrevoked key belongs to, created on first use; null otherwise. */
export function accountForKey(key: string): Account | null {
  if (revokedKeys.has(key)) return null;
  const parsed = parseKey(key);
  if (!parsed) return null;
  const name = `${parsed.mode}:${parsed.suffix}`;
  let account = accounts.get(name);
  if (!account) {
    account = new Account(parsed.mode, parsed.suffix);
    accounts.set(name, account);
  }
  return account;
}

/** For the hosted pages, which are reached by object id (or client secret) without a key. */
export function accountOwning(id: string): Account | undefined {
  return objectOwners.get(id);
}

/** A test control: the key answers 401 from now on, as a rolled or deleted key does. */
export function revokeKey(key: string): void {
  revokedKeys.add(key);
}

export function allAccounts(): Account[] {
  return [...accounts.values()];
}

export function resetAccounts(): void {
  accounts.clear();
  objectOwners.clear();
  revokedKeys.clear();
}
