import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { Locale } from "@/lib/i18n/locales";
import { msg } from "@/lib/validation/message-key";
import { fieldWithError, inStaffDashboard, onMemberPage, pagination, requiredField } from "./support/ui-fixtures";

// The shared components are on member pages (four languages) and in the staff dashboard (two):
// their words come from whichever provider the page gives, never from the component.
const render = (node: ReactNode) => renderToStaticMarkup(node).replaceAll("<!-- -->", "");

describe("shared ui components speak the page's language", () => {
  it.each<[Locale, string[]]>([
    ["en", ["26–50 of 60", "Previous", "Page 2 of 3", "Next", 'aria-label="Pagination"']],
    ["nl", ["26–50 van 60", "Vorige", "Pagina 2 van 3", "Volgende", 'aria-label="Paginanavigatie"']],
    ["fr", ["26–50 sur 60", "Précédent", "Page 2 sur 3", "Suivant"]],
    ["de", ["26–50 von 60", "Zurück", "Seite 2 von 3", "Weiter", 'aria-label="Seitennavigation"']],
  ])("pagination on a member page in %s", (locale, words) => {
    const html = render(onMemberPage(locale, pagination));
    for (const word of words) expect(html).toContain(word);
    expect(html).toContain('href="/members?page=1"');
  });

  it("a required field says so in the member's language", () => {
    expect(render(onMemberPage("de", requiredField))).toContain("(Pflichtfeld)");
    expect(render(onMemberPage("en", requiredField))).toContain("(required)");
  });

  it.each<[Locale, string]>([
    ["en", "Use at most 100 characters"],
    ["nl", "Gebruik hoogstens 100 tekens"],
    ["fr", "Utilisez 100 caractères au maximum"],
    ["de", "Verwenden Sie höchstens 100 Zeichen"],
  ])("a field shows a schema's message in the member's language (%s)", (locale, words) => {
    const html = render(onMemberPage(locale, fieldWithError(msg("maxChars", { max: 100 }))));
    expect(html).toContain(`role="alert" class="text-sm text-red-600">${words}</p>`);
    expect(html).not.toContain("validation.");
  });

  it("a field shows an error already in words as it is, and a schema's message in the staff member's language", () => {
    expect(render(onMemberPage("nl", fieldWithError("Te veel bestellingen voor dit adres op dit moment")))).toContain(">Te veel bestellingen voor dit adres op dit moment</p>");
    expect(render(inStaffDashboard("nl", fieldWithError(msg("passwordsDiffer"))))).toContain(">De wachtwoorden komen niet overeen</p>");
  });

  it("in the staff dashboard, the staff member's language", () => {
    const html = render(inStaffDashboard("nl", [pagination, requiredField]));
    expect(html).toContain("Pagina 2 van 3");
    expect(html).toContain("(verplicht)");
    expect(html).not.toContain("Previous");
  });
});
