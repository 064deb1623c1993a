import type { FieldErrors } from "@/lib/action-result";
import type { Reason, Reasons } from "@/lib/error-reasons";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/messages";

/** What a person sees for one failure: the message above the form, and words beside fields. */
export type Presented = { error: string; fieldErrors?: FieldErrors };

/** The reader of a failure, in their language: the "errors" messages and money. */
export type Wording = {
  locale: Locale;
  /** `t("payment.paid_on_in_future")`: the "errors" namespace of messages/<locale>.json. */
  t: Translate;
  money: (minor: number, currency: string) => string;
  /** "Please correct the highlighted fields." */
  correctFields: string;
};

/** The wording of one reason: its words are errors.<reason>. */
export type Reader = Wording & { reason: Reason };

/** The words for each reason of a group; a reason of the group without words does not compile. */
export type Words<R extends Reason> = { [K in R]: (details: Reasons[K], w: Reader) => string | Presented };

/** The message above the form, and the same (or shorter) words beside one field. */
export function onField(field: string, error: string, fieldText: string = error): Presented {
  return { error, fieldErrors: { [field]: [fieldText] } };
}

// Most reasons are worded by one message named like the reason (errors.<reason>), their details filled in.
type Values = Record<string, string | number>;

/** errors.<reason>, with the reason's details as its values. */
export const say = (details: Values, w: Reader): string => w.t(w.reason, details);

/** errors.<reason> above the form and beside `field`. */
export const sayOn =
  (field: string) =>
  (details: Values, w: Reader): Presented =>
    onField(field, say(details, w));

/** errors.<reason> above the form and errors.<reason>_field, shorter, beside `field`. */
export const sayOnShort =
  (field: string) =>
  (details: Values, w: Reader): Presented =>
    onField(field, say(details, w), w.t(`${w.reason}_field`, details));

/** "Please correct the highlighted fields." above the form, errors.<reason> beside `field`. */
export const correct =
  (field: string) =>
  (details: Values, w: Reader): Presented =>
    onField(field, w.correctFields, say(details, w));

/** "Please correct the highlighted fields." above, and beside `field` the problem the parser found (its own words). */
export const correctProblem =
  (field: string) =>
  ({ problem }: { problem: string }, w: Reader): Presented =>
    onField(field, w.correctFields, problem);
