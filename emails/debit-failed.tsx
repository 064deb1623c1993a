import { Body, Button, Container, Head, Heading, Hr, Html, Preview, Text } from "@react-email/components";
import { noticeStyles } from "./notice-styles";
import { scoped, type MailText } from "./translate";

export interface DebitFailedProps {
  /** The member's language, or the staff dashboard's for the dojo's copy (lib/i18n/locales.ts). */
  locale: string;
  /** Its words: the "emails" messages in that language. */
  text: MailText;
  dojoName: string;
  /** "member": the payer, with a link to pay again; "staff": the dojo, with the invoice. */
  audience: "member" | "staff";
  memberName: string;
  /** Already formatted, e.g. "€50.00". */
  amount: string;
  invoiceNumber: string;
  /** "SEPA Direct Debit". */
  method: string;
  /** The bank's reason when Stripe gave one. */
  reason: string | null;
  url: string;
  /** Whose words: a debit that failed (default), or a payment the payer's bank took back after it succeeded. */
  notice?: "debitFailed" | "paymentDisputed";
}

const styles = noticeStyles;

/**
 * A delayed payment (SEPA Direct Debit) failed after processing: nothing was booked, the invoice is
 * open again. The same notice, in its own words, tells of a payment disputed and taken back.
 */
export function DebitFailed({ locale, text, dojoName, audience, memberName, amount, invoiceNumber, method, reason, url, notice = "debitFailed" }: DebitFailedProps) {
  const t = scoped(text, notice);
  const common = scoped(text, "common");
  const values = { method, amount, number: invoiceNumber, name: memberName };
  return (
    <Html lang={locale}>
      <Head />
      <Preview>{t("preview", values)}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Heading as="h1" style={styles.heading}>
            {t(`${audience}Heading`, values)}
          </Heading>
          <Text>
            {t(`${audience}Body`, values)}
            {reason ? ` ${t("reason", { reason })}` : ""}
          </Text>
          <Text>{t(`${audience}Next`)}</Text>
          <Button href={url} style={styles.button}>
            {t(`${audience}Button`)}
          </Button>
          <Text style={styles.small}>{common("orOpen", { url })}</Text>
          <Hr />
          <Text style={styles.small}>{dojoName}</Text>
        </Container>
      </Body>
    </Html>
  );
}

export default DebitFailed;
