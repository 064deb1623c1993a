import "server-only";
import { z } from "zod";
import { can, type Permission } from "@/lib/auth/permissions";
import { getMemberSession, getStaffSession, type MemberContext, type StaffContext } from "@/lib/auth/session";
import { hasFeature, lowestPlanWith, PLAN_NAMES, type Feature } from "@/lib/account-plans/features";
import type { ActionResult, FieldErrors } from "@/lib/action-result";
import { presentError, type ErrorFields } from "@/lib/action-errors";
import { AppError } from "@/lib/errors";
import { DEFAULT_LOCALE, resolveLocale, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/messages";
import { resolveStaffLocale } from "@/lib/i18n/staff-locales";
import { staffTranslator } from "@/lib/i18n/staff-messages";
import { validationText } from "@/lib/validation/message-key";
import { zodParseOptions } from "@/lib/validation/zod-locale";

export { ActionError, NotFoundError } from "@/lib/action-result";

// Each issue in the caller's language: the schemas' own messages are keys (lib/validation/message-key.ts).
function fieldErrorsOf(error: z.ZodError, locale: Locale = DEFAULT_LOCALE): FieldErrors {
  const out: FieldErrors = {};
  const t = translator(locale, "validation");
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    (out[key] ??= []).push(validationText(issue.message, t));
  }
  return out;
}

function formDataToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith("$ACTION")) continue;
    out[key] = typeof value === "string" ? value : value;
  }
  return out;
}

// The action layer's own words (components.action), in the staff member's, member's or visitor's language.
const actionWords = (locale: Locale = DEFAULT_LOCALE) => translator(locale, "components.action");

async function run<S extends z.ZodType, T, C>(schema: S, raw: unknown, ctx: C, handler: (input: z.output<S>, ctx: C) => Promise<T>, errorFields?: ErrorFields, locale?: Locale): Promise<ActionResult<T>> {
  const parsed = schema.safeParse(raw instanceof FormData ? formDataToObject(raw) : raw, zodParseOptions(locale ?? DEFAULT_LOCALE));
  if (!parsed.success) {
    return { ok: false, error: actionWords(locale)("correctFields"), fieldErrors: fieldErrorsOf(parsed.error, locale) };
  }
  try {
    return { ok: true, data: await handler(parsed.data, ctx) };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, ...presentError(error, errorFields, locale) };
    console.error("Action failed", error);
    return { ok: false, error: actionWords(locale)("failed") };
  }
}

const SIGNED_OUT = actionWords()("signedOut");

/**
 * Every staff server action goes through here: a live session, the role's permission, the
 * plan's feature, zod validation, the dojo taken from the session, and one result shape.
 */
export function staffAction<S extends z.ZodType, T>(
  options: { schema: S; permission: Permission; feature?: Feature; errorFields?: ErrorFields },
  handler: (input: z.output<S>, ctx: StaffContext) => Promise<T>,
): (input: z.input<S> | FormData) => Promise<ActionResult<T>> {
  return gatedBy(options.feature, async (input) => {
    const session = await getStaffSession();
    if (!session) return { ok: false, error: SIGNED_OUT };
    const locale = resolveStaffLocale(session.user.language, session.dojo.defaultLanguage);
    if (!can(session.user.role, options.permission)) return { ok: false, error: actionWords(locale)("roleNotAllowed") };
    if (options.feature && !hasFeature(session.dojo.plan, options.feature)) {
      const feature = staffTranslator(locale, "staff.settings.plans.features")(options.feature);
      return { ok: false, error: actionWords(locale)("featureOnPlan", { feature, plan: PLAN_NAMES[lowestPlanWith(options.feature)] }) };
    }
    return run(options.schema, input, session, handler, options.errorFields, locale);
  });
}

/** Server actions of the members area: the member and dojo come from the member's session. */
export function memberAction<S extends z.ZodType, T>(
  options: { schema: S; feature?: Feature },
  handler: (input: z.output<S>, ctx: MemberContext) => Promise<T>,
): (input: z.input<S> | FormData) => Promise<ActionResult<T>> {
  return gatedBy(options.feature, async (input) => {
    const session = await getMemberSession();
    if (!session) return { ok: false, error: SIGNED_OUT };
    const locale = resolveLocale(session.member.language, session.dojo.defaultLanguage);
    if (options.feature && !hasFeature(session.dojo.plan, options.feature)) return { ok: false, error: actionWords(locale)("notAvailable") };
    return run(options.schema, input, session, handler, undefined, locale);
  });
}

// The feature an action is gated by, readable from the action itself, so a test can find every
// gated action and prove a lower plan is refused whatever the input.
const GATED_BY = Symbol.for("tatami.gatedBy");

function gatedBy<F extends (...args: never[]) => unknown>(feature: Feature | undefined, action: F): F {
  if (feature) Object.defineProperty(action, GATED_BY, { value: feature });
  return action;
}

export function featureOf(action: unknown): Feature | undefined {
  return typeof action === "function" ? (action as unknown as Record<symbol, Feature | undefined>)[GATED_BY] : undefined;
}

/**
 * Actions open to anyone (sign-up, login, accepting an invitation): validation and result shape
 * only; `locale` (the visitor's language, when the page knows it, from the raw input if need be)
 * for every word of the answer.
 */
export function publicAction<S extends z.ZodType, T>(schema: S, handler: (input: z.output<S>) => Promise<T>, options: { locale?: (raw: unknown) => Promise<Locale> } = {}): (input: z.input<S> | FormData) => Promise<ActionResult<T>> {
  return async (input) => run(schema, input, null, (data) => handler(data), undefined, await options.locale?.(input));
}
