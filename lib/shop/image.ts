export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;
export const IMAGE_TYPES = ["image/png", "image/jpeg", "image/webp"] as const;
export type ImageType = (typeof IMAGE_TYPES)[number];

/**
 * The picture's real type from its first bytes (the browser's claim is not trusted), or an
 * error a person can act on.
 */
export function checkImage(bytes: Uint8Array): { ok: true; type: ImageType } | { ok: false; message: string } {
  if (bytes.length === 0) return { ok: false, message: "The file is empty." };
  if (bytes.length > MAX_IMAGE_BYTES) return { ok: false, message: "The picture is larger than 2 MB. Please use a smaller one." };
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return { ok: true, type: "image/png" };
  if (starts(0xff, 0xd8, 0xff)) return { ok: true, type: "image/jpeg" };
  if (starts(0x52, 0x49, 0x46, 0x46) && String.fromCharCode(...bytes.slice(8, 12)) === "WEBP") return { ok: true, type: "image/webp" };
  return { ok: false, message: "Use a PNG, JPEG or WebP picture." };
}

/** The public URL of a product picture; the version makes browsers fetch a replaced one. */
export const productImageUrl = (productId: string, updatedAt: Date) => `/shop-images/${productId}?v=${updatedAt.getTime()}`;
