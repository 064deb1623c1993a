// The language a visitor picked on a public page without an account (the webshop's picker).
// A cookie, because the project keeps locales out of URLs. Client-safe.
export const LANGUAGE_COOKIE = "tatami_language";
export const LANGUAGE_COOKIE_MAX_AGE = 60 * 60 * 24 * 365;
