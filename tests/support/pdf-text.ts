import path from "node:path";

// pdf.js reads the standard fonts' metrics (Helvetica…) from its own package. Resolved from the
// project root, so this helper loads both in Vitest (ESM) and in Playwright (compiled to CJS).
const standardFontDataUrl = `${path.join(process.cwd(), "node_modules", "pdfjs-dist", "standard_fonts")}/`;

/** The text of every page of a PDF, read by pdf.js as a PDF reader would, with runs of white space as one space. */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const pdf = await getDocument({ data: new Uint8Array(bytes), standardFontDataUrl, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str + (item.hasEOL ? "\n" : " ") : "")).join(""));
  }
  await pdf.destroy();
  return pages.join(" ").replace(/\s+/g, " ").trim();
}
