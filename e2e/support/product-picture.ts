import sharp from "sharp";

/** A product picture for uploads: a coloured square with a word on it, as PNG or JPEG. */
export function productPicture(text: string, colour: string, format: "png" | "jpeg" = "png"): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="800"><rect width="800" height="800" fill="${colour}"/><circle cx="400" cy="340" r="170" fill="white" fill-opacity="0.2"/><text x="400" y="640" font-family="sans-serif" font-size="84" font-weight="700" fill="white" text-anchor="middle">${text}</text></svg>`;
  const image = sharp(Buffer.from(svg));
  return (format === "png" ? image.png() : image.jpeg({ quality: 80 })).toBuffer();
}
