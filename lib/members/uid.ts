import { randomInt } from "node:crypto";

// Member UIDs are read out loud and typed on phones: no 0/O, 1/I/L look-alikes.
export const UID_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const UID_LENGTH = 7;

/** A fresh random UID (31^7 ≈ 2.75e10 possibilities); uniqueness is the caller's retry. */
export function newUid(): string {
  let out = "";
  for (let i = 0; i < UID_LENGTH; i++) out += UID_ALPHABET[randomInt(UID_ALPHABET.length)];
  return out;
}

const UID_PATTERN = new RegExp(`^[${UID_ALPHABET}]{${UID_LENGTH}}$`);

export function isUid(value: string): boolean {
  return UID_PATTERN.test(value);
}
