"use server";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { staffAction } from "@/lib/action";
import { addManualEntry } from "@/lib/ledger/add-entry";
import { correctLedgerEntry } from "@/lib/ledger/correct-entry";
import { correctEntrySchema, manualEntrySchema } from "@/lib/ledger/schemas";

export const addLedgerEntry = staffAction({ schema: manualEntrySchema, permission: "ledger" }, async (input, ctx) => {
  const db = await getDb();
  const entry = await db.transaction((tx) => addManualEntry(tx, ctx, input));
  revalidatePath("/ledger");
  return { id: entry.id };
});

export const correctEntry = staffAction({ schema: correctEntrySchema, permission: "ledger" }, async (input, ctx) => {
  const db = await getDb();
  const entry = await db.transaction((tx) => correctLedgerEntry(tx, ctx, input));
  revalidatePath("/ledger");
  return { id: entry.id };
});
