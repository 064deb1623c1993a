import { describe, expect, it } from "vitest";
import { localeFromAcceptLanguage } from "./accept-language";

describe("localeFromAcceptLanguage", () => {
  it("takes the first of our languages the browser asks for, by weight", () => {
    expect(localeFromAcceptLanguage("nl-BE,nl;q=0.9,en;q=0.8")).toBe("nl");
    expect(localeFromAcceptLanguage("en;q=0.5,de-AT;q=0.9")).toBe("de");
    expect(localeFromAcceptLanguage("es-ES,fr;q=0.7,en;q=0.3")).toBe("fr");
    expect(localeFromAcceptLanguage("FR-ca")).toBe("fr");
  });

  it("keeps the browser's order for equal weights and skips what is refused", () => {
    expect(localeFromAcceptLanguage("de,nl")).toBe("de");
    expect(localeFromAcceptLanguage("nl;q=0,fr;q=0.2")).toBe("fr");
  });

  it("is English when none of ours is asked for, or nothing is", () => {
    expect(localeFromAcceptLanguage("es-ES,it;q=0.8")).toBe("en");
    expect(localeFromAcceptLanguage("*")).toBe("en");
    expect(localeFromAcceptLanguage(null)).toBe("en");
    expect(localeFromAcceptLanguage("")).toBe("en");
  });
});
