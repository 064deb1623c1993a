import { describe, expect, it } from "vitest";
import { staffLocaleFromAcceptLanguage } from "./staff-locales";

describe("the dashboard language before signing in", () => {
  it.each([
    ["nl", "nl"],
    ["nl-BE,nl;q=0.9,en;q=0.8", "nl"],
    ["de-DE,de;q=0.9,nl;q=0.5", "nl"],
    ["en-US,en;q=0.9,nl;q=0.8", "en"],
    ["en;q=0.5, nl;q=0.8", "nl"],
    ["nl;q=0, en", "en"],
    ["fr-FR", "en"],
    ["*", "en"],
    ["", "en"],
    [null, "en"],
  ])("%s → %s", (header, locale) => {
    expect(staffLocaleFromAcceptLanguage(header)).toBe(locale);
  });
});
