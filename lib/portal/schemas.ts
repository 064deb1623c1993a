import { z } from "zod";

type LoginWords = (key: "uidMissing" | "uidTooLong" | "passwordMissing") => string;

/** The members-area login, its messages in the visitor's language (portal.login). */
export const memberLoginSchema = (t: LoginWords) =>
  z.object({
    uid: z.string().trim().toUpperCase().min(1, t("uidMissing")).max(20, t("uidTooLong")),
    password: z.string().min(1, t("passwordMissing")).max(200),
  });
