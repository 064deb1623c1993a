import { de, en, fr, nl } from "zod/locales";
import type { z } from "zod";
import type { Locale } from "@/lib/i18n/locales";

// Zod's own words for what a schema gives no message of its own (a wrong type, an unknown option),
// in the reader's language. Passed per parse, never set globally: one server answers every language.
const LOCALE_ERRORS = { en: en().localeError, nl: nl().localeError, fr: fr().localeError, de: de().localeError } satisfies Record<Locale, z.core.$ZodErrorMap>;

/** The parse options that make zod's default messages speak `locale`. */
export const zodParseOptions = (locale: Locale): z.core.ParseContext<z.core.$ZodIssue> => ({ error: LOCALE_ERRORS[locale] });
