import { Body, Container, Head, Heading, Hr, Html, Preview, Text } from "@react-email/components";
import { noticeStyles } from "./notice-styles";
import { scoped, type MailText } from "./translate";

export interface CardAddedProps {
  /** The recipient member's language (lib/i18n/locales.ts). */
  locale: string;
  /** Its words: the "emails" messages in that language. */
  text: MailText;
  dojoName: string;
  memberFirstName: string;
  /** "Visa •••• 4242", or "SEPA Direct Debit •••• 3000" for a bank account under a mandate */
  card: string;
  /** A SEPA Direct Debit mandate was saved, not a card: the words say so. */
  sepa?: boolean;
}

const styles = noticeStyles;

/** Confirms a card was saved for the member's future payments (card link, desk or members area). */
export function CardAdded({ locale, text, dojoName, memberFirstName, card, sepa = false }: CardAddedProps) {
  const t = scoped(text, "cardAdded");
  const key = (name: "preview" | "heading" | "body" | "footer") => (sepa ? `sepa${name[0].toUpperCase()}${name.slice(1)}` : name);
  const common = scoped(text, "common");
  return (
    <Html lang={locale}>
      <Head />
      <Preview>{t(key("preview"), { card, dojo: dojoName })}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Heading as="h1" style={styles.heading}>
            {t(key("heading"))}
          </Heading>
          <Text>{common("hello", { name: memberFirstName })}</Text>
          <Text>{t(key("body"), { card, dojo: dojoName })}</Text>
          <Hr />
          <Text style={styles.small}>{t(key("footer"), { dojo: dojoName })}</Text>
        </Container>
      </Body>
    </Html>
  );
}

export default CardAdded;
