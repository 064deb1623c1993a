import { invalidParam, missingParam } from "./errors";
import type { FormObject, FormValue } from "./form";
import { invalidEnum, schemaAt } from "./schema/validate";
import type { SchemaNode } from "./schema/types";

/**
 * Typed readers over decoded form parameters. Names are given with dots (`recurring.interval`) and
 * reported the way Stripe names them in errors (`recurring[interval]`).
 *
 * Given the endpoint's schema (derived from the `stripe` package), reading a name the SDK's types
 * do not define throws: a handler must not depend on a parameter Stripe does not have.
 */
export class Params {
  constructor(
    readonly raw: FormObject,
    private readonly prefix = "",
    private readonly schema?: SchemaNode,
  ) {}

  /** How Stripe names a parameter of this object in errors: `line_items[0][price_data][currency]`. */
  label(name: string): string {
    const parts = (this.prefix ? `${this.prefix}.${name}` : name).split(".");
    return parts[0] + parts.slice(1).map((p) => `[${p}]`).join("");
  }

  get(name: string): FormValue | undefined {
    if (this.schema && !schemaAt(this.schema, name.split("."))) {
      throw new Error(`the emulator reads ${this.label(name)}, a parameter the stripe package does not define for this endpoint`);
    }
    let node: FormValue | undefined = this.raw;
    for (const part of name.split(".")) {
      if (node === undefined || typeof node === "string") return undefined;
      node = Array.isArray(node) ? node[Number(part)] : node[part];
    }
    return node;
  }

  private childSchema(name: string): SchemaNode | undefined {
    return this.schema ? (schemaAt(this.schema, name.split(".")) ?? undefined) : undefined;
  }

  /** Whether this endpoint's parameters include `name` (for builders shared by several endpoints). */
  defines(name: string): boolean {
    return !this.schema || schemaAt(this.schema, name.split(".")) !== null;
  }

  has(name: string): boolean {
    return this.get(name) !== undefined;
  }

  string(name: string): string | undefined {
    const v = this.get(name);
    if (v === undefined) return undefined;
    if (typeof v !== "string") throw invalidParam(this.label(name), `Invalid string: ${JSON.stringify(v)}`);
    return v;
  }

  requiredString(name: string): string {
    const v = this.string(name);
    if (v === undefined || v === "") throw missingParam(this.label(name));
    return v;
  }

  /** Empty string means "unset" in Stripe's encoding; returns null then. */
  nullableString(name: string): string | null | undefined {
    const v = this.string(name);
    return v === "" ? null : v;
  }

  enumOf<T extends string>(name: string, allowed: readonly T[]): T | undefined {
    const v = this.string(name);
    if (v === undefined) return undefined;
    if (!(allowed as readonly string[]).includes(v)) throw invalidEnum(this.label(name), allowed);
    return v as T;
  }

  integer(name: string): number | undefined {
    const v = this.string(name);
    if (v === undefined) return undefined;
    if (!/^-?\d+$/.test(v)) throw invalidParam(this.label(name), `Invalid integer: ${v}`, "parameter_invalid_integer");
    return Number(v);
  }

  requiredInteger(name: string): number {
    const v = this.integer(name);
    if (v === undefined) throw missingParam(this.label(name));
    return v;
  }

  boolean(name: string): boolean | undefined {
    const v = this.string(name);
    if (v === undefined) return undefined;
    if (v !== "true" && v !== "false") throw invalidParam(this.label(name), `Invalid boolean: ${v}`);
    return v === "true";
  }

  object(name: string): Params | undefined {
    const v = this.get(name);
    if (v === undefined || v === "") return undefined;
    if (typeof v !== "object" || Array.isArray(v)) throw invalidParam(this.label(name), `Invalid object`);
    return new Params(v, this.prefix ? `${this.prefix}.${name}` : name, this.childSchema(name));
  }

  list(name: string): Params[] {
    const v = this.get(name);
    if (v === undefined || v === "") return [];
    if (!Array.isArray(v)) throw invalidParam(this.label(name), `Invalid array`);
    return v.map((item, i) => {
      if (typeof item !== "object" || Array.isArray(item)) throw invalidParam(`${this.label(name)}[${i}]`, `Invalid object`);
      return new Params(item, `${this.prefix ? `${this.prefix}.` : ""}${name}.${i}`, this.childSchema(`${name}.${i}`));
    });
  }

  strings(name: string): string[] {
    const v = this.get(name);
    if (v === undefined || v === "") return [];
    const arr = Array.isArray(v) ? v : [v];
    return arr.map((item) => {
      if (typeof item !== "string") throw invalidParam(this.label(name), `Invalid array of strings`);
      return item;
    });
  }

  /**
   * Stripe's metadata rules: string values, an empty value deletes the key, `metadata=""` clears
   * everything; at most 50 keys of ≤40 characters with values of ≤500 characters.
   */
  metadata(name = "metadata", current: Record<string, string> = {}): Record<string, string> | undefined {
    const v = this.get(name);
    if (v === undefined) return undefined;
    if (v === "") return {};
    if (typeof v !== "object" || Array.isArray(v)) throw invalidParam(this.label(name), "Invalid object");
    const out = { ...current };
    for (const [key, value] of Object.entries(v)) {
      if (typeof value !== "string") throw invalidParam(`${this.label(name)}[${key}]`, "Metadata values must be strings.");
      if (key.length > 40) throw invalidParam(`${this.label(name)}[${key}]`, "Metadata keys can have up to 40 characters.");
      if (value.length > 500) throw invalidParam(`${this.label(name)}[${key}]`, "Metadata values can have up to 500 characters.");
      if (value === "") delete out[key];
      else out[key] = value;
    }
    if (Object.keys(out).length > 50) throw invalidParam(this.label(name), "Metadata can have up to 50 keys.");
    return out;
  }

  expand(): string[] {
    return this.strings("expand");
  }
}
