import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";

// Member-facing pages and mails take every word from messages/<locale>.json, the staff dashboard
// from messages/staff/<locale>/<area>.json. This finds words written into their JSX instead: text
// nodes, user-visible string props, and strings a JSX expression shows as they are
// ({paid ? "Paid" : "Open"}).
const MEMBER_FACING = [
  "emails",
  "app/card",
  "app/unsubscribe",
  "app/portal",
  "app/shop",
  // Shared with staff pages, shown in the members area and on card links.
  "components/forms/login-form.tsx",
  "components/stripe/card-setup-checkout.tsx",
  "components/stripe/pay-subscription-invoice.tsx",
  "components/subscriptions/pause-controls.tsx",
  "components/subscriptions/subscription-summary.tsx",
];
const STAFF_FACING = ["app/(staff)", "app/(auth)", "app/(print)", "components"];

// Not converted yet: each entry must still hold a hard-coded string (the test says when one is
// done), so the list only shrinks. Staff mails stay English with the staff dashboard.
const NOT_YET_CONVERTED: string[] = [];

const VISIBLE_PROPS = new Set(["aria-label", "placeholder", "title", "alt", "label", "hint", "startLabel", "description"]);
// Names, the same in every language.
const NAMES = new Set(["Tatami", "Stripe", "iDEAL", "Bancontact", "SEPA"]);
const hasWords = (text: string) => /\p{L}{2,}/u.test(text) && !NAMES.has(text.trim());

function filesUnder(dir: string): string[] {
  const full = path.join(process.cwd(), dir);
  if (statSync(full).isFile()) return [dir];
  return readdirSync(full).flatMap((name) => filesUnder(path.join(dir, name)));
}

/** "file:line: text" for every hard-coded user-visible string in a .tsx file. */
function hardCodedStrings(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(path.join(process.cwd(), file), "utf8"), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const report = (node: ts.Node, text: string) => found.push(`${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${text.trim()}`);
  // A string shown as it is: directly in {…}, or as a branch of ?:, ||, ??.
  const shownAsIs = (node: ts.Node): boolean => {
    const parent = node.parent;
    if (ts.isJsxExpression(parent)) return !ts.isJsxAttribute(parent.parent) || VISIBLE_PROPS.has(parent.parent.name.getText());
    if (ts.isParenthesizedExpression(parent)) return shownAsIs(parent);
    if (ts.isConditionalExpression(parent) && node !== parent.condition) return shownAsIs(parent);
    if (ts.isBinaryExpression(parent) && [ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken].includes(parent.operatorToken.kind)) return shownAsIs(parent);
    return false;
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && hasWords(node.text)) report(node, node.text);
    else if (ts.isJsxAttribute(node) && VISIBLE_PROPS.has(node.name.getText()) && node.initializer && ts.isStringLiteral(node.initializer) && hasWords(node.initializer.text)) report(node, node.initializer.text);
    else if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && hasWords(node.text) && shownAsIs(node)) report(node, node.text);
    else if (ts.isTemplateExpression(node) && shownAsIs(node) && hasWords([node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(" "))) report(node, node.getText());
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

// Zod schemas give keys of the "validation" messages, never words (lib/validation/message-key.ts):
// every file of schemas shared by forms and actions.
const SCHEMA_FILES = [
  ...filesUnder("lib").filter((f) => f.endsWith(`${path.sep}schemas.ts`)),
  ...filesUnder("lib/validation").filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts")),
  "lib/dojos/signup.ts",
  "lib/dojos/profile-schema.ts",
  "lib/portal/invitation-schema.ts",
];
const VALIDATION_KEYS = new Set(Object.keys(en.validation));
// A sentence, or a capitalised word ("Required"): lowercase words are names, codes and enum values.
const readsAsWords = (text: string) => /\p{L}{2,}\s+\p{L}{2,}/u.test(text) || /^\p{Lu}\p{Ll}+/u.test(text);

/** "file:line: text" for every string in a schema file that reads as words, or names a validation key that does not exist. */
function schemaWords(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(path.join(process.cwd(), file), "utf8"), ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: string[] = [];
  const report = (node: ts.Node, text: string) => found.push(`${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${text}`);
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && ["msg", "limitMsg"].includes(node.expression.text)) {
      const [key] = node.arguments;
      if (key && ts.isStringLiteral(key) && !VALIDATION_KEYS.has(key.text)) report(node, `no validation key: ${key.text}`);
    }
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && readsAsWords(node.text)) report(node, node.text);
    if (ts.isTemplateExpression(node)) {
      const text = [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(" ");
      if (readsAsWords(text)) report(node, node.getText());
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const isListed = (file: string) => NOT_YET_CONVERTED.some((entry) => file === entry || file.startsWith(`${entry}/`));
const tsxFiles = [...MEMBER_FACING, ...STAFF_FACING].flatMap(filesUnder).filter((f) => f.endsWith(".tsx"));

describe("pages and mails have no hard-coded words", () => {
  it("finds none in the converted files", () => {
    expect(tsxFiles.filter((f) => !isListed(f)).flatMap(hardCodedStrings)).toEqual([]);
  });

  it.each(NOT_YET_CONVERTED)("%s still has some (remove it from the list once converted)", (entry) => {
    expect(filesUnder(entry).filter((f) => f.endsWith(".tsx")).flatMap(hardCodedStrings).length).toBeGreaterThan(0);
  });

  it("finds no words in the schemas, only validation keys", () => {
    expect(SCHEMA_FILES.flatMap(schemaWords)).toEqual([]);
  });

  it("catches a text node, a visible prop and a shown string", () => {
    const probe = path.join("tests", "support", "hardcoded-probe.tsx");
    expect(hardCodedStrings(probe).map((line) => line.split(": ")[1])).toEqual(["Hello there", "Search members", "Paid", "Open"]);
  });
});
