"use server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { publicAction } from "@/lib/action";
import { ActionError } from "@/lib/action-result";
import { resubscribe, unsubscribe } from "@/lib/mail/unsubscribe";

const schema = z.object({ token: z.string().min(1).max(200) });
const BAD_LINK = "This unsubscribe link is not valid. Ask your dojo to remove you from its e-mails.";

export const unsubscribeAction = publicAction(schema, async ({ token }) => {
  if (!(await unsubscribe(await getDb(), token))) throw new ActionError(BAD_LINK);
  return null;
});

export const resubscribeAction = publicAction(schema, async ({ token }) => {
  if (!(await resubscribe(await getDb(), token))) throw new ActionError(BAD_LINK);
  return null;
});
