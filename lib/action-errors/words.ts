import type { FieldErrors } from "@/lib/action-result";
import type { Reason, Reasons } from "@/lib/error-reasons";

/** What a person sees for one failure: the message above the form, and words beside fields. */
export type Presented = { error: string; fieldErrors?: FieldErrors };

/** The words for each reason of a group; a reason of the group without words does not compile. */
export type Words<R extends Reason> = { [K in R]: (details: Reasons[K]) => string | Presented };

/** The message above the form, and the same (or shorter) words beside one field. */
export function onField(field: string, error: string, fieldText: string = error): Presented {
  return { error, fieldErrors: { [field]: [fieldText] } };
}

export const CORRECT_FIELDS = "Please correct the highlighted fields.";

export const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
