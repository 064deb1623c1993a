import "server-only";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { dojoProfiles, dojos } from "@/db/schema";
import { invalidInput } from "@/lib/errors";
import { checkImage } from "@/lib/shop/image";
import { LOGO_TYPES, MAX_LOGO_BYTES, type DojoProfileInput } from "./profile-schema";

/** The seller as an invoice shows it: the dojo's name, and the profile the owner filled in (all optional). */
export interface Seller {
  name: string;
  timeZone: string;
  defaultLanguage: string;
  legalName: string | null;
  address: string | null;
  email: string | null;
  phone: string | null;
  vatNumber: string | null;
  companyNumber: string | null;
  bankAccountHolder: string | null;
  iban: string | null;
  bic: string | null;
  invoiceFooter: string | null;
  logo: { bytes: Buffer; type: string } | null;
  updatedAt: Date | null;
}

/** The dojo's profile; a dojo that never saved one gets its name and nothing else. */
export async function getSeller(db: DbOrTx, dojoId: string): Promise<Seller> {
  const [row] = await db.select({ name: dojos.name, timeZone: dojos.timeZone, defaultLanguage: dojos.defaultLanguage, profile: dojoProfiles }).from(dojos).leftJoin(dojoProfiles, eq(dojoProfiles.dojoId, dojos.id)).where(eq(dojos.id, dojoId));
  if (!row) throw new Error(`Dojo ${dojoId} does not exist`);
  const p = row.profile;
  return {
    name: row.name,
    timeZone: row.timeZone,
    defaultLanguage: row.defaultLanguage,
    legalName: p?.legalName ?? null,
    address: p?.address ?? null,
    email: p?.email ?? null,
    phone: p?.phone ?? null,
    vatNumber: p?.vatNumber ?? null,
    companyNumber: p?.companyNumber ?? null,
    bankAccountHolder: p?.bankAccountHolder ?? null,
    iban: p?.iban ?? null,
    bic: p?.bic ?? null,
    invoiceFooter: p?.invoiceFooter ?? null,
    logo: p?.logo && p.logoType ? { bytes: p.logo, type: p.logoType } : null,
    updatedAt: p?.updatedAt ?? null,
  };
}

/** The logo's real type from its bytes, or a field error: PNG or JPEG (what the PDF can print), at most 512 KB. */
export function checkLogo(bytes: Uint8Array): { bytes: Buffer; type: (typeof LOGO_TYPES)[number] } {
  if (bytes.length > MAX_LOGO_BYTES) throw invalidInput("dojo.logo_too_large");
  const checked = checkImage(bytes);
  if (!checked.ok || !(LOGO_TYPES as readonly string[]).includes(checked.type)) {
    throw invalidInput("dojo.logo_type", { problem: bytes.length === 0 ? "empty" : "type" });
  }
  return { bytes: Buffer.from(bytes), type: checked.type as (typeof LOGO_TYPES)[number] };
}

/**
 * Saves the dojo's name, time zone and profile in one transaction. `logo`: new bytes, "remove", or
 * undefined to keep the current one.
 */
export async function saveDojoProfile(db: DbOrTx, dojoId: string, input: DojoProfileInput, logo?: Uint8Array | "remove"): Promise<void> {
  const { name, timeZone, defaultLanguage, ...profile } = input;
  const picture = logo === "remove" ? { logo: null, logoType: null } : logo ? (({ bytes, type }) => ({ logo: bytes, logoType: type }))(checkLogo(logo)) : {};
  await db.transaction(async (tx) => {
    await tx.update(dojos).set({ name, ...(timeZone && { timeZone }), ...(defaultLanguage && { defaultLanguage }) }).where(eq(dojos.id, dojoId));
    const values = { ...profile, ...picture, updatedAt: new Date() };
    await tx.insert(dojoProfiles).values({ dojoId, ...values }).onConflictDoUpdate({ target: dojoProfiles.dojoId, set: values });
  });
}
