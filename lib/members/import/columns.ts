// Client-safe: which CSV header is read as which member field. Other tools name columns in
// many ways; the names are compared without case, spaces or punctuation ("E-mail" = "email").

export const IMPORT_FIELDS = ["uid", "firstName", "lastName", "email", "phone", "birthDate", "address", "notes", "status"] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
  uid: "UID",
  firstName: "First name",
  lastName: "Last name",
  email: "E-mail",
  phone: "Phone",
  birthDate: "Birth date",
  address: "Address",
  notes: "Notes",
  status: "Status",
};

export const REQUIRED_IMPORT_FIELDS: readonly ImportField[] = ["firstName", "lastName"];

// English and Dutch names: the import page names the columns in the staff member's language.
const ALIASES: Record<ImportField, readonly string[]> = {
  uid: ["uid", "memberuid", "tatamiuid"],
  firstName: ["firstname", "givenname", "forename", "first", "voornaam"],
  lastName: ["lastname", "surname", "familyname", "last", "achternaam", "familienaam"],
  email: ["email", "emailaddress", "mail", "emailadres"],
  phone: ["phone", "phonenumber", "telephone", "tel", "mobile", "mobilephone", "telefoon", "telefoonnummer", "mobiel"],
  birthDate: ["birthdate", "dateofbirth", "dob", "birthday", "geboortedatum"],
  address: ["address", "postaladdress", "streetaddress", "adres"],
  notes: ["notes", "note", "comments", "comment", "remarks", "notities", "opmerkingen", "opmerking"],
  status: ["status", "memberstatus"],
};

const normalise = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, "");

/** The member field a header names, or null for a column that is not imported. */
export function fieldOfHeader(header: string): ImportField | null {
  const key = normalise(header);
  for (const field of IMPORT_FIELDS) if (ALIASES[field].includes(key)) return field;
  return null;
}
