import { describe, expect, it } from "vitest";
import { stripeCallSites, stripeCallSitesIn, stripeSdkOperations } from "../support/discover";
import { contractFiles, declaredContracts } from "./support/declarations";

// Like the IDOR matrix for server actions: the Stripe operations the app performs are found in
// its source, and each must have a contract test (tests/contract/*.contract.test.ts) that runs
// on both targets. A new `stripe.<resource>.<method>(` call fails here until one covers it.
const operations = stripeSdkOperations();
const sites = stripeCallSites(operations);
const contracts = declaredContracts();

describe("Stripe operation coverage of the contract suite", () => {
  it("the scanner sees calls the way the app writes them, and nothing in comments or strings", () => {
    const text = [
      "// stripe.refunds.create({ amount }) in a comment",
      'const hint = "stripe.customers.del(id)";',
      "const list = await platformStripe()",
      "  .invoices",
      "  .list({ customer });",
      "await stripeFor(key).checkout.sessions.create({ mode: 'payment' });",
      "await stripe.testHelpers.testClocks.retrieve(id);",
      "stripe.webhooks.constructEvent(body, signature, secret);",
      "await db.query.members.findFirst();",
    ].join("\n");
    expect(stripeCallSitesIn("made-up.ts", text, operations)).toEqual([
      { operation: "invoices.list", at: "made-up.ts:3" },
      { operation: "checkout.sessions.create", at: "made-up.ts:6" },
      { operation: "testHelpers.testClocks.retrieve", at: "made-up.ts:7" },
    ]);
    // And it finds the app's own calls (a scanner that finds nothing would pass everything).
    expect(sites).toContainEqual({ operation: "checkout.sessions.create", at: expect.stringMatching(/^lib\/payments\/card\/open-checkout\.ts:\d+$/) });
    expect(sites).toContainEqual({ operation: "invoices.list", at: expect.stringMatching(/^lib\/account-plans\/history\.ts:\d+$/) });
    expect(sites).toContainEqual({ operation: "webhookEndpoints.create", at: expect.stringMatching(/^scripts\/dev\.ts:\d+$/) });
  });

  it("every contract file declares what it covers, in operations the stripe SDK has", () => {
    expect(contractFiles().length).toBeGreaterThan(0);
    for (const file of contractFiles()) expect(contracts.some((c) => c.file === file), `${file} declares no contract test`).toBe(true);
    const unknown = contracts.flatMap((c) => c.operations.filter((op) => !operations.has(op)).map((op) => `${c.file} › ${c.name}: ${op}`));
    expect(unknown).toEqual([]);
  });

  it("every Stripe operation the app performs has a contract test that runs on both targets", () => {
    const covered = new Set(contracts.filter((c) => !c.browserOnly).flatMap((c) => c.operations));
    const uncovered = [...new Set(sites.map((s) => s.operation))]
      .filter((op) => !covered.has(op))
      .sort()
      .map((op) => `${op} (called at ${sites.filter((s) => s.operation === op).map((s) => s.at).join(", ")})`);
    expect(uncovered, "operations without a contract test in tests/contract (declare them in a contractTest that performs them)").toEqual([]);
  });

  it("no contract test claims an operation the app does not perform", () => {
    const performed = new Set(sites.map((s) => s.operation));
    const stale = contracts.flatMap((c) => c.operations.filter((op) => !performed.has(op)).map((op) => `${c.file} › ${c.name}: ${op}`));
    expect(stale).toEqual([]);
  });
});
