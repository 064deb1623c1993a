import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// `npm run lint` enforces the layers (eslint.config.mjs): these imports, written into files of
// the project as ESLint sees them, must fail it; the ones the layers allow must pass.
const eslint = new ESLint({ cwd: process.cwd() });

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.ruleId === "boundaries/dependencies" || m.fatal).map((m) => m.message);
}

const use = (source: string, name: string) => `import { ${name} } from "${source}";\nexport const used = ${name};\n`;

describe("npm run lint refuses imports across the layers", { timeout: 60_000 }, () => {
  it.each([
    ["lib → components", "lib/members/fixture.ts", use("@/components/ui/badge", "Badge")],
    ["lib → components (relative path)", "lib/members/fixture.ts", use("../../components/ui/badge", "Badge")],
    ["lib → app", "lib/members/fixture.ts", use("@/app/(staff)/members/actions", "createMemberAction")],
    ["db → the domain", "db/schema/fixture.ts", use("@/lib/members/create", "createMember")],
    ["app → emulator", "app/(staff)/fixture.ts", use("@/emulator/index", "startEmulator")],
    ["app → emulator (relative path)", "app/fixture.ts", use("../emulator/stripe/test-support", "control")],
    ["app → emulator (its package)", "app/api/fixture/route.ts", use("@tatami/stripe-emulator", "startEmulator")],
    ["lib → emulator", "lib/stripe/fixture.ts", use("@/emulator/stripe/test-support", "newSecretKey")],
    ["lib → emulator (its package)", "lib/stripe/fixture.ts", use("@tatami/stripe-emulator/test-support", "newSecretKey")],
    ["components → emulator (its package)", "components/ui/fixture.tsx", use("@tatami/stripe-emulator", "startEmulator")],
    ["proxy.ts → emulator (its package)", "proxy.ts", use("@tatami/stripe-emulator", "startEmulator")],
    ["lib → test support", "lib/members/fixture.ts", use("@/tests/support/factories", "createDojo")],
    ["emulator → the domain", "emulator/stripe/fixture.ts", use("@/lib/money", "formatMoney")],
  ])("%s", async (_, filePath, code) => {
    expect(await boundaryErrors(filePath, code)).toEqual([expect.stringMatching(/policy|not allowed/)]);
  });
});

describe("npm run lint lets the layers use what is below them", { timeout: 60_000 }, () => {
  it.each([
    ["app → lib, components, db", "app/(staff)/fixture.tsx", `${use("@/lib/money", "formatMoney")}${use("@/components/ui/badge", "Badge")}${use("@/db/client", "getDb")}`],
    ["lib → db and mail templates", "lib/members/fixture.ts", `${use("@/db/client", "getDb")}import InvoiceIssued from "@/emails/invoice-issued";\nexport const mail = InvoiceIssued;\n`],
    ["components → lib", "components/ui/fixture.tsx", use("@/lib/cn", "cn")],
    ["db → its configuration", "db/fixture.ts", use("@/lib/env", "env")],
    ["tests → the emulator and the domain", "tests/integration/fixture.ts", `${use("@tatami/stripe-emulator/test-support", "control")}${use("@/lib/money", "formatMoney")}`],
    ["a test next to the code → the emulator", "lib/stripe/fixture.test.ts", use("@tatami/stripe-emulator/test-support", "control")],
    ["scripts → the domain", "scripts/fixture.ts", use("@/lib/members/create", "createMember")],
  ])("%s", async (_, filePath, code) => {
    expect(await boundaryErrors(filePath, code)).toEqual([]);
  });
});
