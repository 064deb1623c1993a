import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import ts from "typescript";
import { endpointKey, type ParamSchema, type SchemaNode } from "./types";

/**
 * Derives the request-parameter schema of Stripe endpoints from the installed `stripe` package:
 * the resource classes' `.js` files say which HTTP method and path each SDK method calls
 * (`this._makeRequest('POST', `/v1/customers/${…}`, params, …)`), and their `.d.ts` files give the
 * type of that method's `params` argument, which the TypeScript checker resolves into a
 * SchemaNode tree. Nothing here is hand-kept: upgrading `stripe` changes the result.
 */

const requireHere = createRequire(import.meta.url);

export function stripePackageDir(): string {
  // `stripe/package.json` is not exported; its CommonJS entry is `<package>/cjs/stripe.cjs.node.js`.
  return path.resolve(path.dirname(requireHere.resolve("stripe")), "..");
}

interface SdkMethod {
  className: string;
  methodName: string;
  /** `.d.ts` file declaring the class. */
  declarationFile: string;
  httpMethod: string;
  /** Path template with ids as `{}`. */
  path: string;
}

function walkFiles(dir: string, suffix: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walkFiles(full, suffix));
    else if (entry.name.endsWith(suffix)) out.push(full);
  }
  return out.sort();
}

/** `'/v1/x'` or `` `/v1/x/${encodeURIComponent(id)}` `` → `/v1/x/{}`. */
function pathTemplate(node: ts.Expression): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return node.head.text + node.templateSpans.map((s) => `{}${s.literal.text}`).join("");
  return null;
}

/** Every `this._makeRequest(method, path, …)` of the SDK's resource classes, by class and method. */
function sdkMethods(resourcesDir: string): SdkMethod[] {
  const out: SdkMethod[] = [];
  for (const file of walkFiles(resourcesDir, ".js")) {
    const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, true, ts.ScriptKind.JS);
    for (const statement of source.statements) {
      if (!ts.isClassDeclaration(statement) || !statement.name) continue;
      for (const member of statement.members) {
        if (!ts.isMethodDeclaration(member) || !member.body || !ts.isIdentifier(member.name)) continue;
        let call: ts.CallExpression | undefined;
        const find = (n: ts.Node): void => {
          if (call) return;
          if (
            ts.isCallExpression(n) &&
            ts.isPropertyAccessExpression(n.expression) &&
            n.expression.name.text === "_makeRequest" &&
            n.expression.expression.kind === ts.SyntaxKind.ThisKeyword
          ) {
            call = n;
            return;
          }
          ts.forEachChild(n, find);
        };
        find(member.body);
        if (!call || call.arguments.length < 2) continue;
        const [methodArg, pathArg] = call.arguments;
        const template = pathTemplate(pathArg);
        if (!ts.isStringLiteral(methodArg) || template === null) continue;
        out.push({
          className: statement.name.text,
          methodName: member.name.text,
          declarationFile: file.replace(/\.js$/, ".d.ts"),
          httpMethod: methodArg.text,
          path: template,
        });
      }
    }
  }
  return out;
}

/**
 * Stripe's API reference types request numbers as `integer` except a few decimals (percentages,
 * rates, `*_decimal` amounts). The SDK types both as `number`, so its documentation comment
 * decides: a `number` described as a decimal or a float is a number, every other is an integer
 * (amounts are "in the smallest currency unit … a zero-decimal currency", which stays an integer).
 */
function isFloat(doc: string): boolean {
  const text = doc.toLowerCase().replace(/zero-decimal/g, "");
  if (/\binteger\b/.test(text)) return false;
  return /\b(decimal|float)\b/.test(text);
}

class Deriver {
  private readonly checker: ts.TypeChecker;
  private readonly stack: ts.Type[] = [];

  constructor(private readonly program: ts.Program) {
    this.checker = program.getTypeChecker();
  }

  /** The schema of one SDK method's `params`, or null when the method takes none. */
  paramsOf(method: SdkMethod): (SchemaNode & { kind: "object" }) | null {
    const source = this.program.getSourceFile(method.declarationFile);
    if (!source) throw new Error(`not in the program: ${method.declarationFile}`);
    for (const statement of source.statements) {
      if (!ts.isClassDeclaration(statement) || statement.name?.text !== method.className) continue;
      for (const member of statement.members) {
        if (!ts.isMethodDeclaration(member) || !ts.isIdentifier(member.name) || member.name.text !== method.methodName) continue;
        const param = member.parameters.find((p) => ts.isIdentifier(p.name) && p.name.text === "params");
        if (!param?.type) continue;
        const type = this.checker.getNonNullableType(this.checker.getTypeFromTypeNode(param.type));
        const node = this.node(type, "");
        if (node.kind !== "object") throw new Error(`${method.className}.${method.methodName}: params are not an object`);
        return node;
      }
      return null;
    }
    throw new Error(`class ${method.className} not found in ${method.declarationFile}`);
  }

  private node(type: ts.Type, doc: string): SchemaNode {
    const members = type.isUnion() ? type.types : [type];
    let empty = false;
    let openString = false;
    const literals: string[] = [];
    const shapes: SchemaNode[] = [];
    const add = (n: SchemaNode) => {
      if (!shapes.some((s) => s.kind === n.kind && JSON.stringify(s) === JSON.stringify(n))) shapes.push(n);
    };
    for (const member of members) {
      const f = member.flags;
      if (f & (ts.TypeFlags.Undefined | ts.TypeFlags.Void)) continue;
      if (member.aliasSymbol?.name === "Decimal") {
        // Stripe.Decimal (a branded intersection): sent as a decimal string.
        add({ kind: "decimal" });
      } else if (f & ts.TypeFlags.Null) {
        // The SDK sends `null` as "" (see Emptyable in stripe/cjs/shared.d.ts).
        empty = true;
      } else if (member.isStringLiteral()) {
        if (member.value === "") empty = true;
        else literals.push(member.value);
      } else if (f & ts.TypeFlags.String) {
        openString = true;
      } else if (member.isIntersection() && member.types.some((t) => t.flags & ts.TypeFlags.String)) {
        // OtherString = string & Record<never, never>: an open enum accepts any string.
        openString = true;
      } else if (f & (ts.TypeFlags.Number | ts.TypeFlags.NumberLiteral)) {
        add({ kind: isFloat(doc) ? "number" : "integer" });
      } else if (f & (ts.TypeFlags.Boolean | ts.TypeFlags.BooleanLiteral)) {
        add({ kind: "boolean" });
      } else if (f & ts.TypeFlags.Object) {
        add(this.objectNode(member as ts.ObjectType, doc));
      } else {
        throw new Error(`unsupported type ${this.checker.typeToString(member)}`);
      }
    }
    if (openString) add({ kind: "string" });
    else if (literals.length) add({ kind: "enum", values: literals });
    if (shapes.length === 0) throw new Error(`no shape in ${this.checker.typeToString(type)}`);
    const node: SchemaNode = shapes.length === 1 ? shapes[0] : { kind: "union", of: shapes };
    return empty ? { ...node, empty: true } : node;
  }

  private objectNode(type: ts.ObjectType, doc: string): SchemaNode {
    if (type.getSymbol()?.name === "Date") return { kind: "integer" }; // the SDK sends a Date as a Unix timestamp
    if (this.checker.isArrayType(type)) {
      const [element] = this.checker.getTypeArguments(type as ts.TypeReference);
      return { kind: "array", items: this.node(element, doc) };
    }
    if (this.stack.includes(type)) throw new Error(`recursive parameter type ${this.checker.typeToString(type)}`);
    this.stack.push(type);
    try {
      const index = type.getStringIndexType();
      const props: Record<string, SchemaNode> = {};
      const required: string[] = [];
      for (const prop of this.checker.getPropertiesOfType(type)) {
        const propDoc = ts.displayPartsToString(prop.getDocumentationComment(this.checker));
        props[prop.name] = this.node(this.checker.getTypeOfSymbol(prop), propDoc);
        if (!(prop.flags & ts.SymbolFlags.Optional)) required.push(prop.name);
      }
      if (index) {
        if (Object.keys(props).length) throw new Error(`object with both keys and an index signature: ${this.checker.typeToString(type)}`);
        return { kind: "map", values: this.node(index, doc) };
      }
      return required.length ? { kind: "object", props, required } : { kind: "object", props };
    } finally {
      this.stack.pop();
    }
  }
}

export interface Endpoint {
  method: string;
  /** `/v1/customers/:id` (emulator pattern) or `/v1/customers/{}`. */
  path: string;
}

/**
 * The schema of the given endpoints as the installed `stripe` package types them. Throws when an
 * endpoint is not an SDK method: the emulator serves only what the SDK can call.
 */
export function deriveSchema(endpoints: Endpoint[]): ParamSchema {
  const dir = stripePackageDir();
  const resourcesDir = path.join(dir, "cjs/resources");
  const byKey = new Map<string, SdkMethod>();
  for (const m of sdkMethods(resourcesDir)) {
    const key = endpointKey(m.httpMethod, m.path);
    if (!byKey.has(key)) byKey.set(key, m);
  }
  const wanted = [...new Set(endpoints.map((e) => endpointKey(e.method, e.path)))].sort();
  const missing = wanted.filter((k) => !byKey.has(k));
  if (missing.length) throw new Error(`endpoints the stripe package does not define: ${missing.join(", ")}`);

  const files = [...new Set(wanted.map((k) => byKey.get(k)!.declarationFile))];
  const program = ts.createProgram(files, { strict: true, noEmit: true, skipLibCheck: true, target: ts.ScriptTarget.ES2022, moduleResolution: ts.ModuleResolutionKind.Bundler, module: ts.ModuleKind.ESNext });
  const deriver = new Deriver(program);
  const out: ParamSchema["endpoints"] = {};
  for (const key of wanted) {
    const params = deriver.paramsOf(byKey.get(key)!) ?? { kind: "object", props: {} };
    // Every Stripe endpoint accepts `expand` (https://docs.stripe.com/api/expanding_objects).
    if (!params.props.expand) params.props = { ...params.props, expand: { kind: "array", items: { kind: "string" } } };
    out[key] = params;
  }
  const pkg = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as { version: string };
  const apiVersion = /ApiVersion\s*=\s*['"]([^'"]+)['"]/.exec(readFileSync(path.join(dir, "cjs/apiVersion.js"), "utf8"))?.[1];
  if (!apiVersion) throw new Error("stripe/cjs/apiVersion.js: API version not found");
  return {
    "//": "Generated by emulator/stripe/schema/generate.ts from the installed `stripe` package's request types — do not edit. Regenerate with `npm run emulator:schema` after upgrading `stripe`.",
    stripe: { version: pkg.version, apiVersion },
    endpoints: out,
  };
}

/** The file content: JSON with one endpoint per line, so a package upgrade diffs by endpoint. */
export function formatSchema(schema: ParamSchema): string {
  const endpoints = Object.entries(schema.endpoints).map(([key, node]) => `  ${JSON.stringify(key)}: ${JSON.stringify(node)}`);
  return [
    "{",
    `"//": ${JSON.stringify(schema["//"])},`,
    `"stripe": ${JSON.stringify(schema.stripe)},`,
    `"endpoints": {`,
    endpoints.join(",\n"),
    "}",
    "}",
    "",
  ].join("\n");
}
