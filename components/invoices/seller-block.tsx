import type { Seller } from "@/lib/dojos/profile";
import type { InvoiceDocumentText } from "@/lib/invoices/document-text";

/** The seller as invoices print it (Settings → Dojo profile); the PDF shows the same lines. */
export function SellerBlock({ seller, text, withLogo = true }: { seller: Seller; text: InvoiceDocumentText; withLogo?: boolean }) {
  const { t } = text;
  return (
    <div className="text-sm" data-testid="seller-block">
      {withLogo && seller.logo && (
        // eslint-disable-next-line @next/next/no-img-element -- the logo is inline data, nothing for next/image to optimise
        <img src={`data:${seller.logo.type};base64,${seller.logo.bytes.toString("base64")}`} alt={t("logoAlt", { name: seller.name })} className="mb-2 max-h-16 max-w-48 object-contain" />
      )}
      <p className="text-xl font-semibold">{seller.legalName ?? seller.name}</p>
      {seller.legalName && seller.legalName !== seller.name && <p className="text-stone-500">{seller.name}</p>}
      {seller.address && <p className="whitespace-pre-line">{seller.address}</p>}
      {seller.email && <p>{seller.email}</p>}
      {seller.phone && <p>{seller.phone}</p>}
      {seller.vatNumber && <p>{t("vatNumber", { number: seller.vatNumber })}</p>}
      {seller.companyNumber && <p>{t("companyNumber", { number: seller.companyNumber })}</p>}
    </div>
  );
}
