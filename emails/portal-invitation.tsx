import { Body, Button, Container, Head, Heading, Hr, Html, Preview, Text } from "@react-email/components";
import { mailStyles as styles } from "./styles";
import { scoped, type MailText } from "./translate";

export interface PortalInvitationProps {
  /** The recipient member's language (lib/i18n/locales.ts). */
  locale: string;
  /** Its words: the "emails" messages in that language. */
  text: MailText;
  dojoName: string;
  memberName: string;
  uid: string;
  setPasswordUrl: string;
  /** Already formatted, e.g. "21 March 2026". */
  expiresOn: string;
}

/** Invites a member to the members area: they choose a password and log in with their UID. */
export function PortalInvitation({ locale, text, dojoName, memberName, uid, setPasswordUrl, expiresOn }: PortalInvitationProps) {
  const t = scoped(text, "portalInvitation");
  const common = scoped(text, "common");
  return (
    <Html lang={locale}>
      <Head />
      <Preview>{t("preview", { dojo: dojoName })}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Heading as="h1" style={styles.heading}>
            {t("heading")}
          </Heading>
          <Text>{common("hello", { name: memberName })}</Text>
          <Text>{t("body", { dojo: dojoName })}</Text>
          <Text style={styles.label}>{t("uid")}</Text>
          <Text style={{ ...styles.value, fontFamily: "monospace", letterSpacing: "2px" }}>{uid}</Text>
          <Button href={setPasswordUrl} style={styles.button}>
            {t("button")}
          </Button>
          <Hr />
          <Text style={styles.small}>{t("footer", { expiresOn })}</Text>
        </Container>
      </Body>
    </Html>
  );
}

export default PortalInvitation;
