import { readFileSync } from "node:fs";
import { StripeApiError, invalidParam, invalidRequest, missingParam } from "../errors";
import type { FormObject, FormValue } from "../form";
import { endpointKey, type ParamSchema, type SchemaNode } from "./types";

/**
 * Validates a request's decoded parameters against the schema derived from the `stripe` package
 * (params.generated.json) before any handler runs, answering as Stripe does:
 *
 * - unknown parameter → `parameter_unknown`, "Received unknown parameter: line_items[0][foo]"
 *   (several: "Received unknown parameters: a, b"), checked first over the whole request;
 * - missing required parameter → `parameter_missing`, "Missing required param: currency.";
 * - "" for a parameter that cannot be unset → `parameter_invalid_empty`, "You passed an empty
 *   string for 'x'. We assume empty values are an attempt to unset a parameter; …";
 * - not an integer → `parameter_invalid_integer`, "Invalid integer: 10.0";
 * - other wrong types and enum values carry no code, as Stripe's own answers show:
 *   "Invalid boolean: 1", "Invalid array", "Invalid object", "Invalid string: …",
 *   "Invalid usage: must be one of reusable or single_use".
 *
 * Sources for each message are listed in emulator/README.md ("Request validation").
 */

type ObjectNode = SchemaNode & { kind: "object" };

let loaded: ParamSchema | null = null;
export function paramSchema(): ParamSchema {
  loaded ??= JSON.parse(readFileSync(new URL("./params.generated.json", import.meta.url), "utf8")) as ParamSchema;
  return loaded;
}

export function schemaFor(method: string, pattern: string): ObjectNode | null {
  return paramSchema().endpoints[endpointKey(method, pattern)] ?? null;
}

/** Throws Stripe's 400 for the first problem in `form`; returns when the parameters are valid. */
export function validateParams(schema: ObjectNode, form: FormObject): void {
  const unknown: string[] = [];
  collectUnknown(schema, form, "", unknown);
  if (unknown.length === 1) throw invalidRequest(`Received unknown parameter: ${unknown[0]}`, unknown[0], "parameter_unknown");
  if (unknown.length > 1) throw invalidRequest(`Received unknown parameters: ${unknown.join(", ")}`, unknown[0], "parameter_unknown");
  check(schema, form, "");
}

function label(parent: string, key: string | number): string {
  return parent ? `${parent}[${key}]` : String(key);
}

/** The form parser turns objects whose keys are all indices into arrays; a map may have such keys. */
function asObject(value: FormValue): FormObject | null {
  if (typeof value === "string") return null;
  if (Array.isArray(value)) return Object.fromEntries(value.map((v, i) => [String(i), v]));
  return value;
}

/** The member of a union that fits the value's shape (string, list or object). */
function pick(node: SchemaNode, value: FormValue): SchemaNode | null {
  if (node.kind !== "union") return node;
  const fits = (n: SchemaNode) =>
    typeof value === "string" ? !["object", "map", "array"].includes(n.kind) : Array.isArray(value) ? n.kind === "array" || n.kind === "map" : n.kind === "object" || n.kind === "map";
  return node.of.find(fits) ?? null;
}

function collectUnknown(node: SchemaNode, value: FormValue, at: string, out: string[]): void {
  const n = pick(node, value);
  if (!n || typeof value === "string") return;
  if (n.kind === "object") {
    const obj = asObject(value);
    if (!obj || Array.isArray(value)) return;
    for (const [key, child] of Object.entries(obj)) {
      const childNode = n.props[key];
      if (!childNode) out.push(label(at, key));
      else collectUnknown(childNode, child, label(at, key), out);
    }
  } else if (n.kind === "map") {
    const obj = asObject(value);
    if (obj) for (const [key, child] of Object.entries(obj)) collectUnknown(n.values, child, label(at, key), out);
  } else if (n.kind === "array" && Array.isArray(value)) {
    value.forEach((item, i) => collectUnknown(n.items, item, label(at, i), out));
  }
}

/** The schema of the parameter at `path` (`["line_items", "0", "price"]`), or null if the SDK has none. */
export function schemaAt(root: SchemaNode, path: string[]): SchemaNode | null {
  let node: SchemaNode | null = root;
  for (const part of path) {
    if (!node) return null;
    const index = /^\d+$/.test(part);
    const shapes: SchemaNode[] = node.kind === "union" ? node.of : [node];
    node = null;
    for (const s of shapes) {
      if (s.kind === "array" && index) node = s.items;
      else if (s.kind === "map") node = s.values;
      else if (s.kind === "object") node = s.props[part] ?? null;
      if (node) break;
    }
  }
  return node;
}

/** "Invalid usage: must be one of reusable or single_use" (three or more: "a, b, or c"), no code. */
export function invalidEnum(at: string, values: readonly string[]): StripeApiError {
  const list = values.length <= 2 ? values.join(" or ") : `${values.slice(0, -1).join(", ")}, or ${values[values.length - 1]}`;
  return typeError(at, `Invalid ${at}: must be one of ${list}`);
}

/** Stripe answers wrong types other than integers without a `code`. */
function typeError(at: string, message: string): StripeApiError {
  return invalidRequest(message, at);
}

function show(value: FormValue): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

function check(node: SchemaNode, value: FormValue, at: string): void {
  if (value === "") {
    if (node.empty) return;
    throw invalidParam(
      at,
      `You passed an empty string for '${at}'. We assume empty values are an attempt to unset a parameter; however '${at}' cannot be unset. You should remove '${at}' from your request or supply a non-empty value.`,
      "parameter_invalid_empty",
    );
  }
  if (node.kind === "union") {
    const member = pick(node, value);
    if (typeof value === "string") {
      // Scalars: the first member that accepts the string, else the first member's complaint.
      const scalars = node.of.filter((n) => !["object", "map", "array"].includes(n.kind));
      for (const s of scalars) {
        try {
          check(s, value, at);
          return;
        } catch (err) {
          if (!(err instanceof StripeApiError)) throw err;
        }
      }
      check(scalars[0] ?? node.of[0], value, at);
      return;
    }
    check(member ?? node.of[0], value, at);
    return;
  }
  switch (node.kind) {
    case "string":
      if (typeof value !== "string") throw typeError(at, `Invalid string: ${show(value)}`);
      return;
    case "enum":
      if (typeof value !== "string" || !node.values.includes(value)) throw invalidEnum(at, node.values);
      return;
    case "integer":
      if (typeof value !== "string" || !/^-?\d+$/.test(value)) throw invalidParam(at, `Invalid integer: ${show(value)}`, "parameter_invalid_integer");
      return;
    case "number":
    case "decimal":
      if (typeof value !== "string" || !/^-?(\d+\.?\d*|\.\d+)$/.test(value)) throw typeError(at, `Invalid decimal: ${show(value)}`);
      return;
    case "boolean":
      if (value !== "true" && value !== "false") throw typeError(at, `Invalid boolean: ${show(value)}`);
      return;
    case "array":
      if (!Array.isArray(value)) throw typeError(at, "Invalid array");
      value.forEach((item, i) => check(node.items, item, label(at, i)));
      return;
    case "map": {
      const obj = asObject(value);
      if (!obj) throw typeError(at, "Invalid object");
      for (const [key, child] of Object.entries(obj)) check(node.values, child, label(at, key));
      return;
    }
    case "object": {
      if (typeof value === "string" || Array.isArray(value)) throw typeError(at, "Invalid object");
      checkObject(node, value, at);
      return;
    }
  }
}

function checkObject(node: ObjectNode, value: FormObject, at: string): void {
  for (const key of node.required ?? []) {
    if (value[key] === undefined) throw missingParam(label(at, key));
  }
  for (const [key, child] of Object.entries(value)) check(node.props[key], child, label(at, key));
}
