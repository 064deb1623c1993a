import { PLAN_NAMES } from "@/lib/account-plans/features";
import type { StaffReasons } from "@/lib/error-reasons";
import { onField, type Words } from "./words";

const INVITATION_PROBLEMS: Record<StaffReasons["staff.invitation_unusable"]["state"], string> = {
  expired: "This invitation has expired. Ask the dojo's owner for a new one.",
  revoked: "This invitation was withdrawn. Ask the dojo's owner for a new one.",
  accepted: "This invitation was already used. Log in with your e-mail and password.",
  unknown: "This invitation link is not valid. Check that you copied all of it.",
};

export const STAFF_WORDS: Words<keyof StaffReasons> = {
  "staff.wrong_current_password": () => onField("currentPassword", "Your current password is not right.", "This is not your current password"),
  "staff.no_seat": ({ plan, limit }) =>
    `The ${PLAN_NAMES[plan]} plan includes ${limit} staff users, and all are in use (counting pending invitations). Deactivate someone or revoke an invitation first.`,
  "staff.invitation_unusable": ({ state }) => INVITATION_PROBLEMS[state],
  "staff.invitation_email_has_account": () => "That e-mail already has a Tatami account. Log in instead, or ask for an invitation to another address.",
  "staff.invite_email_has_account": () => onField("email", "That e-mail already has a Tatami account.", "This e-mail already has an account"),
  "staff.invite_email_invited": () => onField("email", "That e-mail is already invited.", "Already invited — revoke the pending invitation to send a new one"),
  "staff.invitation_already_accepted": () => "This invitation was already accepted.",
  "staff.change_own_access": ({ change }) => (change === "demote" ? "You cannot change your own role. Another owner can." : "You cannot deactivate yourself. Another owner can."),
  "staff.last_owner": () => "A dojo needs at least one active owner. Make someone else owner first.",
};
