"use server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { publicAction } from "@/lib/action";
import { ActionError } from "@/lib/action-result";
import { resolveLocale, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/messages";
import { visitorLocale } from "@/lib/i18n/visitor-locale";
import { resubscribe, unsubscribe, unsubscribeTarget } from "@/lib/mail/unsubscribe";

const schema = z.object({ token: z.string().min(1).max(200) });

/** The page's language: the member the link belongs to, else the browser's. */
async function linkLocale(raw: unknown): Promise<Locale> {
  const parsed = schema.safeParse(raw);
  const target = parsed.success ? await unsubscribeTarget(await getDb(), parsed.data.token) : null;
  return target ? resolveLocale(target.language, target.defaultLanguage) : visitorLocale();
}

const badLink = async () => new ActionError(translator(await visitorLocale(), "unsubscribe")("badLink"));

export const unsubscribeAction = publicAction(
  schema,
  async ({ token }) => {
    if (!(await unsubscribe(await getDb(), token))) throw await badLink();
    return null;
  },
  { locale: linkLocale },
);

export const resubscribeAction = publicAction(
  schema,
  async ({ token }) => {
    if (!(await resubscribe(await getDb(), token))) throw await badLink();
    return null;
  },
  { locale: linkLocale },
);
