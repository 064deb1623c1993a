import type Stripe from "stripe";
import { invalidParam, invalidRequest } from "./errors";
import type { Params } from "./params";

/**
 * Stripe's cursor pagination over a newest-first array: `limit` (1–100, default 10),
 * `starting_after` / `ending_before` object ids, `has_more`.
 */
export function paginate<T extends { id: string }>(params: Params, items: T[], url: string): Stripe.ApiList<T> {
  const limit = params.integer("limit") ?? 10;
  if (limit < 1 || limit > 100) throw invalidParam("limit", "This value must be greater than or equal to 1 and less than or equal to 100.");
  const startingAfter = params.string("starting_after");
  const endingBefore = params.string("ending_before");
  if (startingAfter && endingBefore) {
    throw invalidRequest("You may only specify one of these parameters: ending_before, starting_after.", "starting_after");
  }
  let page: T[];
  let hasMore: boolean;
  if (endingBefore) {
    const at = items.findIndex((i) => i.id === endingBefore);
    if (at === -1) throw invalidParam("ending_before", `No such object: '${endingBefore}'`, "resource_missing");
    const before = items.slice(0, at);
    page = before.slice(Math.max(0, before.length - limit));
    hasMore = before.length > limit;
  } else {
    let start = 0;
    if (startingAfter) {
      const at = items.findIndex((i) => i.id === startingAfter);
      if (at === -1) throw invalidParam("starting_after", `No such object: '${startingAfter}'`, "resource_missing");
      start = at + 1;
    }
    page = items.slice(start, start + limit);
    hasMore = start + limit < items.length;
  }
  return { object: "list", data: page, has_more: hasMore, url };
}

/** A whole (small) list, as Stripe embeds in objects (`line_items`, `refunds`, `items`). */
export function embeddedList<T>(data: T[], url: string): Stripe.ApiList<T> {
  return { object: "list", data, has_more: false, url };
}

/** `created=<ts>` or `created[gt|gte|lt|lte]=<ts>` filters on any timestamp field. */
export function rangeFilter(params: Params, name: string): (value: number) => boolean {
  const exact = params.get(name);
  if (exact === undefined) return () => true;
  if (typeof exact === "string") {
    const ts = params.requiredInteger(name);
    return (v) => v === ts;
  }
  const gt = params.integer(`${name}.gt`);
  const gte = params.integer(`${name}.gte`);
  const lt = params.integer(`${name}.lt`);
  const lte = params.integer(`${name}.lte`);
  return (v) =>
    (gt === undefined || v > gt) && (gte === undefined || v >= gte) && (lt === undefined || v < lt) && (lte === undefined || v <= lte);
}
