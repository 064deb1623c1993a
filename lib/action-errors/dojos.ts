import type { DojoReasons, PortalReasons } from "@/lib/error-reasons";
import { CORRECT_FIELDS, onField, type Words } from "./words";

/** Why a sign-up link does not work (also shown on the confirmation page). */
export const SIGNUP_LINK_PROBLEMS: Record<DojoReasons["signup.link_unusable"]["state"], string> = {
  invalid: "This link is not valid. Check that you copied all of it, or sign up again.",
  expired: "This link has expired. Sign up again to get a new one.",
};

export const DOJO_WORDS: Words<keyof DojoReasons> = {
  "dojo.address_taken": () => onField("slug", "That address is taken.", "That address is taken — try another"),
  "dojo.email_has_account": () => onField("email", "That e-mail already has an account.", "This e-mail already has an account — log in instead"),
  "signup.already_confirmed": () => "Your dojo is already set up. Log in with your e-mail and password.",
  "signup.link_unusable": ({ state }) => SIGNUP_LINK_PROBLEMS[state],
  "dojo.logo_too_large": () => onField("logo", CORRECT_FIELDS, "The logo is larger than 512 KB. Please use a smaller one."),
  "dojo.logo_type": ({ problem }) => onField("logo", CORRECT_FIELDS, problem ? problem.replace("PNG, JPEG or WebP picture", "PNG or JPEG logo") : "Use a PNG or JPEG logo."),
};

/** Why a members-area invitation cannot set a password, in the member's words. */
export const PORTAL_INVITATION_PROBLEMS: Record<PortalReasons["portal.invitation_unusable"]["state"], string> = {
  expired: "This link has expired. Ask your dojo for a new invitation.",
  invalid: "This link is not valid any more (it works once). Log in with your UID and password, or ask your dojo for a new invitation.",
};

export const PORTAL_WORDS: Words<keyof PortalReasons> = {
  "portal.invitation_unusable": ({ state }) => PORTAL_INVITATION_PROBLEMS[state],
  "portal.member_no_email": () => "This member has no e-mail address. Add one under Details first.",
  "portal.family_payer_pays": () => "Your family's payer pays and manages the card. Ask them, or the dojo.",
  "portal.member_inactive": () => "Reactivate this member first: inactive members cannot log into the members area.",
};
