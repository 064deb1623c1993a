import { describe, expect, it, vi } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { getDb } from "@/db/client";
import { staffUsers } from "@/db/schema";
import { refusalFor } from "@/lib/auth/refusal";
import LedgerPage from "@/app/(staff)/ledger/page";
import CampaignsPage from "@/app/(staff)/campaigns/page";
import StripeSettingsPage from "@/app/(staff)/settings/stripe/page";
import Forbidden from "@/app/(staff)/forbidden";
import { createStaff, signedInDojo } from "../support/factories";
import { isForbidden } from "../support/next";

const requestHeaders = vi.hoisted(() => ({ current: new Headers() }));
vi.mock("next/headers", async (original) => ({ ...(await original<object>()), headers: async () => requestHeaders.current }));

async function named(dojoId: string, role: "owner" | "manager" | "staff", name: string, active = true) {
  const user = await createStaff(dojoId, role);
  const db = await getDb();
  const { eq } = await import("drizzle-orm");
  await db.update(staffUsers).set({ name, active }).where(eq(staffUsers.id, user.id));
}

describe("the refusal page for a page the role cannot open", () => {
  it("staff opening Settings → Stripe, Costs & revenues or Campaigns get a 403 refusal, not a 404", async () => {
    await signedInDojo({ role: "staff" });
    for (const page of [() => StripeSettingsPage(), () => LedgerPage({ searchParams: Promise.resolve({}) }), () => CampaignsPage({ searchParams: Promise.resolve({}) } as never)]) {
      await expect(page()).rejects.toSatisfy(isForbidden);
    }
  });

  it("names the page, who may open it, and the active people to ask, owners first", async () => {
    const { dojo } = await signedInDojo({ role: "staff" });
    await named(dojo.id, "owner", "Aiko Tanaka");
    await named(dojo.id, "manager", "Ben Okafor");
    await named(dojo.id, "owner", "Zed Gone", false);
    const db = await getDb();
    expect(await refusalFor(db, dojo.id, "/settings/stripe")).toEqual({ message: "Only the dojo's owner can open the Stripe settings.", askNames: ["Aiko Tanaka (Owner)"] });
    expect(await refusalFor(db, dojo.id, "/ledger")).toEqual({ message: "Only owners and managers can open Costs & revenues.", askNames: ["Aiko Tanaka (Owner)", "Ben Okafor (Manager)"] });
    expect(await refusalFor(db, dojo.id, "/settings/staff")).toMatchObject({ message: "Only the dojo's owner can open the staff settings." });
    expect(await refusalFor(db, dojo.id, "/somewhere")).toMatchObject({ message: "Only the dojo's owner can open this page." });

    requestHeaders.current = new Headers({ "x-tatami-path": "/settings/stripe" });
    const markup = renderToStaticMarkup(await Forbidden()).replaceAll("<!-- -->", "");
    expect(markup).toContain("Only the dojo&#x27;s owner can open the Stripe settings.");
    expect(markup).toContain("You are signed in as staff.");
    expect(markup).toContain("Ask <strong");
    expect(markup).toContain("Aiko Tanaka (Owner)");
    expect(markup).not.toContain("Zed Gone");
  });

  it("drawn with a page its reader may open (Next draws it with every staff page), names nobody", async () => {
    const { dojo } = await signedInDojo({ role: "owner" });
    await named(dojo.id, "owner", "Aiko Tanaka");
    requestHeaders.current = new Headers({ "x-tatami-path": "/settings/stripe" });
    const markup = renderToStaticMarkup(await Forbidden()).replaceAll("<!-- -->", "");
    expect(markup).not.toContain("Aiko Tanaka");
    expect(markup).toContain("You are signed in as owner.");
  });

  it("never names people of another dojo", async () => {
    const other = await signedInDojo();
    await named(other.dojo.id, "owner", "Other Owner");
    const { dojo } = await signedInDojo({ role: "staff" });
    const refusal = await refusalFor(await getDb(), dojo.id, "/settings/stripe");
    expect(refusal.askNames.join()).not.toContain("Other Owner");
  });
});
