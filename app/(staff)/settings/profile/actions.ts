"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { staffAction } from "@/lib/action";
import { saveDojoProfile } from "@/lib/dojos/profile";
import { dojoProfileSchema } from "@/lib/dojos/profile-schema";

const logoUpload = z
  .custom<File>((v) => typeof File !== "undefined" && v instanceof File)
  .optional()
  .transform((file) => (file && file.size > 0 ? file : undefined));

const profileFormSchema = dojoProfileSchema.extend({ logo: logoUpload, removeLogo: z.preprocess((v) => v === "on" || v === "true", z.boolean()).optional() });

/** Saves the dojo's name and invoice profile (owner only); multipart, so the logo comes along. */
export const saveDojoProfileAction = staffAction({ schema: profileFormSchema, permission: "settings.account" }, async ({ logo, removeLogo, ...input }, { dojo }) => {
  const bytes = logo ? new Uint8Array(await logo.arrayBuffer()) : undefined;
  await saveDojoProfile(await getDb(), dojo.id, input, removeLogo ? "remove" : bytes);
  // The name shows in the navigation of every page.
  revalidatePath("/", "layout");
  return { saved: true };
});
