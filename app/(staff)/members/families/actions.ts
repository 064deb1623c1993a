"use server";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { staffAction } from "@/lib/action";
import { familyDiscountSchema, familyFieldsSchema, familyIdSchema, familyMemberSchema, updateFamilySchema } from "@/lib/families/schemas";
import { addFamilyMember, createFamily, deleteFamily, removeFamilyMember, setFamilyDiscount, updateFamily } from "@/lib/families/write";

function refresh(familyId?: string) {
  revalidatePath("/members/families");
  if (familyId) revalidatePath(`/members/families/${familyId}`);
}

export const createFamilyAction = staffAction({ schema: familyFieldsSchema, permission: "members" }, async (input, { dojo }) => {
  const family = await (await getDb()).transaction((tx) => createFamily(tx, dojo.id, input));
  refresh();
  return family;
});

export const updateFamilyAction = staffAction({ schema: updateFamilySchema, permission: "members" }, async ({ familyId, ...fields }, { dojo }) => {
  await (await getDb()).transaction((tx) => updateFamily(tx, dojo.id, familyId, fields));
  refresh(familyId);
  return { id: familyId };
});

export const addFamilyMemberAction = staffAction({ schema: familyMemberSchema, permission: "members" }, async ({ familyId, memberId }, { dojo }) => {
  await (await getDb()).transaction((tx) => addFamilyMember(tx, dojo.id, familyId, memberId));
  refresh(familyId);
  revalidatePath(`/members/${memberId}`);
  return null;
});

export const removeFamilyMemberAction = staffAction({ schema: familyMemberSchema, permission: "members" }, async ({ familyId, memberId }, { dojo }) => {
  await (await getDb()).transaction((tx) => removeFamilyMember(tx, dojo.id, familyId, memberId));
  refresh(familyId);
  revalidatePath(`/members/${memberId}`);
  return null;
});

export const deleteFamilyAction = staffAction({ schema: familyIdSchema, permission: "members" }, async ({ familyId }, { dojo }) => {
  await (await getDb()).transaction((tx) => deleteFamily(tx, dojo.id, familyId));
  refresh();
  return null;
});

// A pricing rule: owners and managers set it, like plans.
export const setFamilyDiscountAction = staffAction({ schema: familyDiscountSchema, permission: "settings" }, async ({ percent }, { dojo }) => {
  await (await getDb()).transaction((tx) => setFamilyDiscount(tx, dojo.id, percent));
  refresh();
  return { percent };
});
