"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { staffAction } from "@/lib/action";
import { sendMailAgain } from "@/lib/mail/failed-mails";
import { idSchema } from "@/lib/validation/common";

export const sendMailAgainAction = staffAction({ schema: z.object({ jobId: idSchema }), permission: "members" }, async ({ jobId }, ctx) => {
  await sendMailAgain(await getDb(), ctx.dojo.id, jobId);
  revalidatePath("/dashboard");
  return null;
});
