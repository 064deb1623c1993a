import type { DojoReasons, PortalReasons } from "@/lib/error-reasons";
import { correct, say, sayOnShort, type Words } from "./words";

export const DOJO_WORDS: Words<keyof DojoReasons> = {
  "dojo.address_taken": sayOnShort("slug"),
  "dojo.email_has_account": sayOnShort("email"),
  "signup.already_confirmed": say,
  "signup.link_unusable": say,
  "dojo.logo_too_large": correct("logo"),
  "dojo.logo_type": correct("logo"),
};

export const PORTAL_WORDS: Words<keyof PortalReasons> = {
  "portal.invitation_unusable": say,
  "portal.member_no_email": say,
  "portal.family_payer_pays": say,
  "portal.member_inactive": say,
};
