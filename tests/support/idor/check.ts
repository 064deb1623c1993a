import { expect } from "vitest";
import type { ActionResult } from "@/lib/action-result";
import { actAs } from "../factories";
import type { Actor, Attempt } from "./action-matrix";
import { crossTenantReferences, tenantSnapshot } from "./snapshot";
import { foreignMarkers, type IdorWorld } from "./world";

const GENERIC_VALIDATION = "Please correct the highlighted fields.";

/** The attempt's call made with the actor's session, signed out again afterwards. */
async function callAs(w: IdorWorld, actor: Actor, attempt: Attempt): Promise<ActionResult<unknown>> {
  if (actor === "ownerA") w.signInOwnerA();
  else if (actor === "m1") w.signInM1();
  else actAs(null);
  try {
    return await attempt.call(w);
  } finally {
    actAs(null);
  }
}

/** What the actor may not learn: dojo B's records, and for member M1 also member M2's. */
function markersFor(w: IdorWorld, actor: Actor): string[] {
  const m2 = actor === "m1" ? [w.a.m2.id, w.a.m2.uid, w.a.m2.lastName, w.a.m2Open.id, w.a.m2SessionId] : [];
  return [...foreignMarkers(w), ...m2];
}

/**
 * One matrix attempt: the action is called as the actor with a valid input naming another
 * dojo's (or member's) records. A refusal must be for the right reason (not found, or an error
 * on the id's own field, never the generic validation failure of a malformed input), must
 * write nothing in either dojo, and must not echo the foreign records.
 */
export async function checkAttempt(w: IdorWorld, attempt: Attempt) {
  const dojos = attempt.expect === "ignored" ? [w.b.dojo.id] : [w.a.dojo.id, w.b.dojo.id];
  const before = await tenantSnapshot(dojos);
  const result = await callAs(w, attempt.actor, attempt);

  if (attempt.expect === "ignored") {
    expect(result, "the action works; only the smuggled ids are ignored").toMatchObject({ ok: true });
  } else if (!result.ok && attempt.field) {
    expect(Object.keys(result.fieldErrors ?? {}), `refused on the ${attempt.field} field alone: ${JSON.stringify(result)}`).toEqual([attempt.field]);
  } else {
    expect(result.ok, `refused: ${JSON.stringify(result)}`).toBe(false);
    if (!result.ok) {
      expect(result.error, "the input was otherwise valid, so the refusal is not a validation error").not.toBe(GENERIC_VALIDATION);
      expect(result.error).toMatch(attempt.error ?? /was not found\.$/);
    }
  }
  if (attempt.field) expect(result.ok).toBe(false);

  const answer = JSON.stringify(result);
  const echoed = attempt.echoed?.(w) ?? [];
  for (const marker of markersFor(w, attempt.actor).filter((m) => !echoed.includes(m))) expect(answer, "the answer echoes a foreign record").not.toContain(marker);
  expect(await tenantSnapshot(dojos), attempt.expect === "ignored" ? "dojo B unchanged" : "nothing written in either dojo").toEqual(before);
  expect(await crossTenantReferences(), "no row points at another dojo's record").toEqual([]);
}

/**
 * The same call with the other kind of session (a member's for a staff action, a staff
 * user's for a members-area action) is refused and writes nothing: the wrappers never take
 * one kind of session for the other.
 */
export async function checkOtherSession(w: IdorWorld, attempt: Attempt) {
  const dojos = [w.a.dojo.id, w.b.dojo.id];
  const before = await tenantSnapshot(dojos);
  const result = await callAs(w, attempt.actor === "ownerA" ? "m1" : "ownerA", attempt);
  expect(result).toEqual({ ok: false, error: "Your session has ended. Please log in again." });
  expect(await tenantSnapshot(dojos), "nothing written in either dojo").toEqual(before);
}
