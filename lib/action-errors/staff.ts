import { PLAN_NAMES } from "@/lib/account-plans/features";
import type { StaffReasons } from "@/lib/error-reasons";
import { say, sayOnShort, type Words } from "./words";

export const STAFF_WORDS: Words<keyof StaffReasons> = {
  "staff.wrong_current_password": sayOnShort("currentPassword"),
  "staff.no_seat": ({ plan, limit }, w) => say({ plan: PLAN_NAMES[plan], limit }, w),
  "staff.invitation_unusable": say,
  "staff.invitation_email_has_account": say,
  "staff.invite_email_has_account": sayOnShort("email"),
  "staff.invite_email_invited": sayOnShort("email"),
  "staff.invitation_already_accepted": say,
  "staff.change_own_access": say,
  "staff.last_owner": say,
};
