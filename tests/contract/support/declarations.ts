import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

// The operations each contract test declares, read from the test files' source: the
// declarations are literal lists, so the coverage test needs no test to run to know them.
const DIR = path.resolve(__dirname, "..");
const DECLARING = new Set(["contractTest", "browserContractTest"]);

export interface DeclaredContract {
  file: string;
  name: string;
  operations: string[];
  /** Only run on the emulator: a step needs a browser on real Stripe. */
  browserOnly: boolean;
}

export const contractFiles = () => readdirSync(DIR).filter((f) => f.endsWith(".contract.test.ts")).sort();

export function declaredContracts(): DeclaredContract[] {
  const out: DeclaredContract[] = [];
  for (const file of contractFiles()) {
    const source = ts.createSourceFile(file, readFileSync(path.join(DIR, file), "utf8"), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && DECLARING.has(node.expression.text)) {
        const [name, list] = node.arguments;
        const literal = (e: ts.Expression | undefined): e is ts.StringLiteralLike => !!e && ts.isStringLiteralLike(e);
        if (!literal(name) || !list || !ts.isArrayLiteralExpression(list) || !list.elements.every(literal)) {
          throw new Error(`${file}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}: ${node.expression.text} needs a literal name and a literal list of operations`);
        }
        out.push({ file, name: name.text, operations: list.elements.map((e) => (e as ts.StringLiteralLike).text), browserOnly: node.expression.text === "browserContractTest" });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return out;
}
