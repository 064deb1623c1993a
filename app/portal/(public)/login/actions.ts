"use server";
import { publicAction } from "@/lib/action";
import { AppError } from "@/lib/action-result";
import { ActionError } from "@/lib/action";
import { signInWith } from "@/lib/auth/login";
import type { DetailsOf } from "@/lib/errors";
import { translator } from "@/lib/i18n/messages";
import { memberLoginSchema } from "@/lib/portal/schemas";
import { visitorLocale } from "@/lib/i18n/visitor-locale";

// The login page is in the browser's language (./page.tsx), and so are its refusals.
export async function logInMember(input: { uid: string; password: string } | FormData) {
  const locale = await visitorLocale();
  const t = translator(locale, "portal.login");
  return publicAction(
    memberLoginSchema(t),
    async ({ uid, password }) => {
      try {
        await signInWith("member", { uid, password });
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== "REFUSED") throw error;
        const details = error.details as DetailsOf<"REFUSED">;
        if (details.reason === "auth.wrong_credentials") throw new ActionError(t("wrongCredentials"));
        if (details.reason === "auth.throttled") throw new ActionError(t("throttled", { minutes: (details as { minutes: number }).minutes }));
        throw error;
      }
      return { redirectTo: "/portal" };
    },
    { locale: async () => locale },
  )(input);
}
