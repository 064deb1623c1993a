"use server";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { staffAction } from "@/lib/action";
import { hashPassword } from "@/lib/auth/password";
import { createMember } from "@/lib/members/create";
import { setMemberPassword } from "@/lib/members/password";
import { memberFieldsSchema, memberIdSchema, setPasswordSchema, updateMemberSchema } from "@/lib/members/schemas";
import { setMemberStatus } from "@/lib/members/status";
import { updateMember } from "@/lib/members/update";

export const addMember = staffAction({ schema: memberFieldsSchema, permission: "members" }, async (input, { dojo }) => {
  const db = await getDb();
  const member = await db.transaction((tx) => createMember(tx, dojo.id, input));
  revalidatePath("/members");
  return { id: member.id, uid: member.uid };
});

export const editMember = staffAction({ schema: updateMemberSchema, permission: "members" }, async ({ id, ...fields }, { dojo }) => {
  const db = await getDb();
  const member = await db.transaction((tx) => updateMember(tx, dojo.id, id, fields));
  revalidatePath("/members");
  revalidatePath(`/members/${id}`);
  // The saved values, normalised (trimmed, lower-case e-mail), for the form to show.
  return { id, member };
});

export const deactivateMember = staffAction({ schema: memberIdSchema, permission: "members" }, async ({ id }, { dojo }) => {
  const db = await getDb();
  await db.transaction((tx) => setMemberStatus(tx, dojo.id, id, "inactive"));
  revalidatePath("/members");
  revalidatePath(`/members/${id}`);
  return { id };
});

export const reactivateMember = staffAction({ schema: memberIdSchema, permission: "members" }, async ({ id }, { dojo }) => {
  const db = await getDb();
  await db.transaction((tx) => setMemberStatus(tx, dojo.id, id, "active"));
  revalidatePath("/members");
  revalidatePath(`/members/${id}`);
  return { id };
});

export const setPortalPassword = staffAction({ schema: setPasswordSchema, permission: "members" }, async ({ id, password }, { dojo }) => {
  const passwordHash = await hashPassword(password);
  const db = await getDb();
  await db.transaction((tx) => setMemberPassword(tx, dojo.id, id, passwordHash));
  revalidatePath(`/members/${id}`);
  return { id };
});
