import { Document, Image, Page, StyleSheet, Text, View } from "@react-pdf/renderer";
import { formatDate } from "@/lib/dates";
import { bankLines } from "@/lib/dojos/profile-schema";
import { formatMoney } from "@/lib/money";
import { METHOD_LABELS } from "@/lib/payments/schemas";
import type { InvoiceDocument } from "../document";

// Helvetica, one of the PDF standard fonts: no font file to ship, every PDF reader has it.
// It covers Latin-1 and the euro sign, so amounts use "-" (not "−") for minus.
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

const STAMPS = { draft: "DRAFT", void: "VOID", paid: "PAID", open: null } as const;

/** The invoice as a PDF page (A4): what `renderInvoicePdf` turns into bytes. */
export function InvoicePdf({ doc }: { doc: InvoiceDocument }) {
  const money = (minor: number) => formatMoney(minor, doc.currency);
  const { seller } = doc;
  const stamp = STAMPS[doc.status];
  const bank = bankLines(seller);
  return (
    <Document title={doc.number ? `Invoice ${doc.number}` : "Draft invoice"} author={seller.legalName ?? seller.name} creator="Tatami" producer="Tatami">
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
            {seller.vatNumber && <Text>VAT number: {seller.vatNumber}</Text>}
            {seller.companyNumber && <Text>Company number: {seller.companyNumber}</Text>}
          </View>
          <View>
            <Text style={s.title}>Invoice</Text>
            <Text style={s.number}>{doc.number ?? "-"}</Text>
            {stamp && <Text style={s.stamp}>{stamp}</Text>}
          </View>
        </View>

        <View style={s.parties}>
          <View style={{ maxWidth: 280 }}>
            <Text style={s.label}>Bill to</Text>
            <Text style={s.bold}>{doc.buyer.name}</Text>
            {doc.buyer.address && <Text>{doc.buyer.address}</Text>}
            {doc.buyer.email && <Text>{doc.buyer.email}</Text>}
            <Text style={s.muted}>Member {doc.buyer.uid}</Text>
          </View>
          <View style={s.facts}>
            <View style={s.factRow}>
              <Text style={s.muted}>Invoice date</Text>
              <Text>{formatDate(doc.issueDate)}</Text>
            </View>
            <View style={s.factRow}>
              <Text style={s.muted}>Due date</Text>
              <Text>{formatDate(doc.dueDate)}</Text>
            </View>
            <View style={s.factRow}>
              <Text style={s.muted}>Currency</Text>
              <Text>{doc.currency}</Text>
            </View>
          </View>
        </View>

        <View style={s.tableHead}>
          <Text style={s.desc}>Description</Text>
          <Text style={s.qty}>Qty</Text>
          <Text style={s.unit}>Unit price</Text>
          <Text style={s.amount}>Amount</Text>
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
            <Text>Total</Text>
            <Text>{money(doc.totalMinor)}</Text>
          </View>
          {doc.payments.map((p) => (
            <View key={p.id} style={s.totalRow}>
              <Text style={s.muted}>
                Paid {formatDate(p.paidAt, doc.seller.timeZone)} · {METHOD_LABELS[p.method]}
              </Text>
              <Text>-{money(p.amountMinor)}</Text>
            </View>
          ))}
          {doc.refunds.map((r) => (
            <View key={r.id} style={s.totalRow}>
              <Text style={s.muted}>Refunded {formatDate(r.refundedAt, doc.seller.timeZone)}</Text>
              <Text>{money(r.amountMinor)}</Text>
            </View>
          ))}
          {doc.status !== "void" && (
            <View style={[s.totalRow, s.grand]}>
              <Text>Open amount</Text>
              <Text>{money(doc.openMinor)}</Text>
            </View>
          )}
        </View>

        {doc.status === "open" && (
          <Text style={s.section}>
            Please pay {money(doc.openMinor)} by {formatDate(doc.dueDate)}
            {doc.number ? `, quoting ${doc.number}` : ""}.
          </Text>
        )}
        {doc.status === "void" && doc.voidReason && <Text style={s.section}>This invoice was voided: {doc.voidReason}</Text>}
        {doc.notes && <Text style={s.section}>{doc.notes}</Text>}
        {bank.length > 0 && (
          <View style={s.section} wrap={false}>
            <Text style={s.label}>Bank details</Text>
            {bank.map((line) => (
              <Text key={line}>{line}</Text>
            ))}
          </View>
        )}

        <View style={s.footer} fixed>
          <Text style={{ flex: 1, paddingRight: 12 }}>{seller.invoiceFooter ?? seller.legalName ?? seller.name}</Text>
          <Text render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`} />
        </View>
      </Page>
    </Document>
  );
}
