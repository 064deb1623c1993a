import { Document, Image, Page, StyleSheet, Text, View } from "@react-pdf/renderer";
import type { InvoiceDocument } from "../document";
import { invoiceDocumentText } from "../document-text";

// Helvetica, one of the PDF standard fonts: no font file to ship, every PDF reader has it.
// It covers Latin-1 and the euro sign, so amounts use "-" (not "−") for minus, and French amounts
// a no-break space where Intl puts a narrow one ("1 234,50 €").
const s = StyleSheet.create({
  // No page-wide lineHeight: react-pdf then loses the absolutely placed footer.
  page: { padding: 44, paddingBottom: 64, fontSize: 10, fontFamily: "Helvetica", color: "#1c1917" },
  header: { flexDirection: "row", justifyContent: "space-between", marginBottom: 24 },
  // A fixed height and the width from the picture's own proportions: the logo sits left, wide or square.
  logo: { height: 56, alignSelf: "flex-start", marginBottom: 8 },
  sellerName: { fontSize: 14, fontFamily: "Helvetica-Bold" },
  muted: { color: "#57534e" },
  title: { fontSize: 22, fontFamily: "Helvetica-Bold", textAlign: "right" },
  number: { fontSize: 11, textAlign: "right", marginTop: 2 },
  stamp: { marginTop: 6, alignSelf: "flex-end", borderWidth: 1.5, borderColor: "#57534e", color: "#57534e", paddingHorizontal: 6, paddingTop: 3, paddingBottom: 1, fontFamily: "Helvetica-Bold" },
  parties: { flexDirection: "row", justifyContent: "space-between", marginBottom: 24 },
  label: { fontSize: 8, color: "#78716c", textTransform: "uppercase", letterSpacing: 0.8, marginBottom: 3, fontFamily: "Helvetica-Bold" },
  bold: { fontFamily: "Helvetica-Bold" },
  facts: { width: 190 },
  factRow: { flexDirection: "row", justifyContent: "space-between" },
  tableHead: { flexDirection: "row", borderBottomWidth: 1, borderColor: "#a8a29e", paddingBottom: 4, marginBottom: 2, fontFamily: "Helvetica-Bold" },
  row: { flexDirection: "row", borderBottomWidth: 0.5, borderColor: "#e7e5e4", paddingVertical: 4 },
  desc: { flex: 1, paddingRight: 8 },
  qty: { width: 40, textAlign: "right" },
  unit: { width: 80, textAlign: "right" },
  amount: { width: 90, textAlign: "right" },
  totals: { marginTop: 8, marginLeft: "auto", width: 260 },
  totalRow: { flexDirection: "row", justifyContent: "space-between", paddingVertical: 2 },
  grand: { borderTopWidth: 1, borderColor: "#a8a29e", marginTop: 2, paddingTop: 4, fontFamily: "Helvetica-Bold", fontSize: 11 },
  section: { marginTop: 20 },
  footer: { position: "absolute", left: 44, right: 44, bottom: 28, borderTopWidth: 0.5, borderColor: "#d6d3d1", paddingTop: 6, fontSize: 8, color: "#57534e", flexDirection: "row", justifyContent: "space-between" },
});

const latin1 = (text: string) => text.replace(/\u202f/g, "\u00a0");

/** The invoice as a PDF page (A4), in the member's language: what `renderInvoicePdf` turns into bytes. */
export function InvoicePdf({ doc }: { doc: InvoiceDocument }) {
  const text = invoiceDocumentText(doc.locale);
  const { t } = text;
  const money = (minor: number) => latin1(text.money(minor, doc.currency));
  const date = (value: string | Date) => latin1(text.date(value, doc.seller.timeZone));
  const { seller } = doc;
  const stamp = doc.status === "open" ? null : t(`stamp.${doc.status}`).toLocaleUpperCase(doc.locale);
  const bank = text.bankLines(seller);
  return (
    <Document language={doc.locale} title={doc.number ? t("titleNumber", { number: doc.number }) : t("draftTitle")} author={seller.legalName ?? seller.name} creator="Tatami" producer="Tatami">
      <Page size="A4" style={s.page}>
        <View style={s.header}>
          <View style={{ maxWidth: 300 }}>
            {/* eslint-disable-next-line jsx-a11y/alt-text -- a PDF image has no alt text */}
            {seller.logo && <Image style={s.logo} src={{ data: seller.logo.bytes, format: seller.logo.type === "image/png" ? "png" : "jpg" }} />}
            <Text style={s.sellerName}>{seller.legalName ?? seller.name}</Text>
            {seller.legalName && seller.legalName !== seller.name && <Text style={s.muted}>{seller.name}</Text>}
            {seller.address && <Text>{seller.address}</Text>}
            {seller.email && <Text>{seller.email}</Text>}
            {seller.phone && <Text>{seller.phone}</Text>}
            {seller.vatNumber && <Text>{t("vatNumber", { number: seller.vatNumber })}</Text>}
            {seller.companyNumber && <Text>{t("companyNumber", { number: seller.companyNumber })}</Text>}
          </View>
          <View>
            <Text style={s.title}>{t("title")}</Text>
            <Text style={s.number}>{doc.number ?? "-"}</Text>
            {stamp && <Text style={s.stamp}>{stamp}</Text>}
          </View>
        </View>

        <View style={s.parties}>
          <View style={{ maxWidth: 280 }}>
            <Text style={s.label}>{t("billTo")}</Text>
            <Text style={s.bold}>{doc.buyer.name}</Text>
            {doc.buyer.address && <Text>{doc.buyer.address}</Text>}
            {doc.buyer.email && <Text>{doc.buyer.email}</Text>}
            <Text style={s.muted}>{t("member", { uid: doc.buyer.uid })}</Text>
          </View>
          <View style={s.facts}>
            <View style={s.factRow}>
              <Text style={s.muted}>{t("invoiceDate")}</Text>
              <Text>{date(doc.issueDate)}</Text>
            </View>
            <View style={s.factRow}>
              <Text style={s.muted}>{t("dueDate")}</Text>
              <Text>{date(doc.dueDate)}</Text>
            </View>
            <View style={s.factRow}>
              <Text style={s.muted}>{t("currency")}</Text>
              <Text>{doc.currency}</Text>
            </View>
          </View>
        </View>

        <View style={s.tableHead}>
          <Text style={s.desc}>{t("description")}</Text>
          <Text style={s.qty}>{t("quantity")}</Text>
          <Text style={s.unit}>{t("unitPrice")}</Text>
          <Text style={s.amount}>{t("amount")}</Text>
        </View>
        {doc.lines.map((line) => (
          <View key={line.id} style={s.row} wrap={false}>
            <Text style={s.desc}>{line.description}</Text>
            <Text style={s.qty}>{line.quantity}</Text>
            <Text style={s.unit}>{money(line.unitPriceMinor)}</Text>
            <Text style={s.amount}>{money(line.amountMinor)}</Text>
          </View>
        ))}

        <View style={s.totals} wrap={false}>
          <View style={[s.totalRow, s.grand]}>
            <Text>{t("total")}</Text>
            <Text>{money(doc.totalMinor)}</Text>
          </View>
          {doc.payments.map((p) => (
            <View key={p.id} style={s.totalRow}>
              <Text style={s.muted}>
                {t("paidOn", { date: date(p.paidAt), method: t(`method.${p.method}`) })}
              </Text>
              <Text>-{money(p.amountMinor)}</Text>
            </View>
          ))}
          {doc.refunds.map((r) => (
            <View key={r.id} style={s.totalRow}>
              <Text style={s.muted}>{t("refundedOn", { date: date(r.refundedAt) })}</Text>
              <Text>{money(r.amountMinor)}</Text>
            </View>
          ))}
          {doc.disputes.map((d) => (
            <View key={`${d.id}-disputed`} style={s.totalRow}>
              <Text style={s.muted}>{t("returnedOn", { date: date(d.disputedAt) })}</Text>
              <Text>{money(d.amountMinor)}</Text>
            </View>
          ))}
          {doc.status !== "void" && (
            <View style={[s.totalRow, s.grand]}>
              <Text>{t("openAmount")}</Text>
              <Text>{money(doc.openMinor)}</Text>
            </View>
          )}
        </View>

        {doc.status === "open" && (
          <Text style={s.section}>
            {t.rich(doc.number ? "pleasePay" : "pleasePayDraft", { amount: money(doc.openMinor), date: date(doc.dueDate), number: doc.number ?? "", strong: (chunks) => chunks })}
          </Text>
        )}
        {doc.status === "void" && doc.voidReason && <Text style={s.section}>{t("voided", { reason: doc.voidReason })}</Text>}
        {doc.notes && <Text style={s.section}>{doc.notes}</Text>}
        {bank.length > 0 && (
          <View style={s.section} wrap={false}>
            <Text style={s.label}>{t("bankDetails")}</Text>
            {bank.map((line) => (
              <Text key={line}>{line}</Text>
            ))}
          </View>
        )}

        <View style={s.footer} fixed>
          <Text style={{ flex: 1, paddingRight: 12 }}>{seller.invoiceFooter ?? seller.legalName ?? seller.name}</Text>
          <Text render={({ pageNumber, totalPages }) => t("page", { page: pageNumber, pages: totalPages })} />
        </View>
      </Page>
    </Document>
  );
}
