import { describe, expect, it, vi } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import UnsubscribePage from "@/app/unsubscribe/[token]/page";
import { unsubscribeAction } from "@/app/unsubscribe/[token]/actions";
import SetPortalPasswordPage from "@/app/portal/(public)/set-password/[token]/page";
import { setPasswordFromInvitation } from "@/app/portal/(public)/set-password/[token]/actions";
import { unsubscribeToken } from "@/lib/mail/unsubscribe";
import { portalInvitationTokenUntil } from "@/lib/portal/invitation";
import { createDojo, createMember } from "../support/factories";

vi.mock("@/lib/auth/auth", () => import("../support/authjs"));
vi.mock("next-auth", () => import("../support/authjs"));
let acceptLanguage = "en";
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "198.51.100.91", "accept-language": acceptLanguage }) }));

async function inBrowserLanguage<T>(language: string, work: () => Promise<T>): Promise<T> {
  acceptLanguage = language;
  try {
    return await work();
  } finally {
    acceptLanguage = "en";
  }
}

// A link's page and its answers speak the language of the member it belongs to; a link that names
// no one speaks the browser's.
describe("unsubscribe and members-area invitation links in the reader's language", () => {
  it("unsubscribe: the member's language for a good link, the browser's for a bad one", async () => {
    const dojo = await createDojo();
    const sanne = await createMember(dojo.id, { firstName: "Sanne", language: "nl" });
    expect(await unsubscribeAction({ token: unsubscribeToken(sanne.id) })).toEqual({ ok: true, data: null });

    const bad = `${unsubscribeToken(sanne.id)}x`;
    await inBrowserLanguage("fr-FR,fr;q=0.9", async () => {
      expect(await unsubscribeAction({ token: bad })).toEqual({ ok: false, error: "Ce lien de désabonnement n'est pas valide. Demandez à votre dojo de vous retirer de ses e-mails." });
      expect(renderToStaticMarkup(await UnsubscribePage({ params: Promise.resolve({ token: bad }) }))).toContain("Lien non valide");
    });
    expect(await unsubscribeAction({ token: bad })).toEqual({ ok: false, error: "This unsubscribe link is not valid. Ask your dojo to remove you from its e-mails." });
  });

  it("invitation: an expired link answers in the invited member's language, a forged one in the browser's", async () => {
    const dojo = await createDojo();
    const sanne = await createMember(dojo.id, { firstName: "Sanne", language: "nl" });
    const expired = portalInvitationTokenUntil(sanne, Date.now() - 60_000).token;
    expect(await setPasswordFromInvitation({ token: expired, password: "a long enough password", confirm: "a long enough password" })).toMatchObject({
      ok: false,
      error: "Deze link is verlopen. Vraag je dojo om een nieuwe uitnodiging.",
    });

    await inBrowserLanguage("de-DE", async () => {
      const forged = `${expired.slice(0, -2)}xx`;
      expect(await setPasswordFromInvitation({ token: forged, password: "a long enough password", confirm: "a long enough password" })).toMatchObject({ ok: false, error: expect.stringMatching(/^Dieser Link ist nicht mehr gültig/) });
      expect(renderToStaticMarkup(await SetPortalPasswordPage({ params: Promise.resolve({ token: forged }) }))).not.toContain("This link");
    });
  });
});
