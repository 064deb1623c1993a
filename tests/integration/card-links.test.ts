import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { liveCardLink, renewCardLink } from "@/lib/card-links/live-card-link";
import { resolveCardLink } from "@/lib/card-links/resolve-card-link";
import { cardLinkToken } from "@/lib/card-links/token";
import { createDojo, createMember } from "../support/factories";

const tokenOf = (url: string) => url.split("/card/")[1];

describe("card links", () => {
  it("gives a member one stable link that opens their dojo and name", async () => {
    const db = await getDb();
    const dojo = await createDojo();
    const member = await createMember(dojo.id, { firstName: "Aiko" });
    const first = await liveCardLink(db, dojo.id, member.id);
    const again = await liveCardLink(db, dojo.id, member.id);
    expect(again.url).toBe(first.url);
    const opened = await resolveCardLink(db, tokenOf(first.url));
    expect(opened?.holder.firstName).toBe("Aiko");
    expect(opened?.dojo.id).toBe(dojo.id);
  });

  it("gives each member a different link, even when asked concurrently", async () => {
    const db = await getDb();
    const dojo = await createDojo();
    const a = await createMember(dojo.id);
    const b = await createMember(dojo.id);
    const urls = await Promise.all([liveCardLink(db, dojo.id, a.id), liveCardLink(db, dojo.id, a.id), liveCardLink(db, dojo.id, b.id)]);
    expect(urls[0].url).toBe(urls[1].url);
    expect(urls[2].url).not.toBe(urls[0].url);
  });

  it("refuses tampered, unknown and revoked tokens", async () => {
    const db = await getDb();
    const dojo = await createDojo();
    const member = await createMember(dojo.id);
    const { url } = await liveCardLink(db, dojo.id, member.id);
    const token = tokenOf(url);
    const [id, sig] = token.split(".");
    expect(await resolveCardLink(db, `${id}.${sig.slice(0, -2)}xx`)).toBeNull();
    expect(await resolveCardLink(db, `${id.replace(/.$/, id.endsWith("0") ? "1" : "0")}.${sig}`)).toBeNull();
    expect(await resolveCardLink(db, cardLinkToken("00000000-0000-4000-8000-000000000000"))).toBeNull();
    expect(await resolveCardLink(db, "not-a-token")).toBeNull();

    const renewed = await renewCardLink(db, dojo.id, member.id);
    expect(renewed.url).not.toBe(url);
    expect(await resolveCardLink(db, token)).toBeNull();
    expect(await resolveCardLink(db, tokenOf(renewed.url))).not.toBeNull();
  });
});
