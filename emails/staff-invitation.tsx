import { Body, Button, Container, Head, Heading, Hr, Html, Preview, Text } from "@react-email/components";
import { mailStyles as styles } from "./styles";
import { scoped, type MailText } from "./translate";

export interface StaffInvitationProps {
  /** The staff's language (lib/i18n/staff-mail-locale.ts). */
  locale: string;
  /** Its words: the "emails" messages in that language. */
  text: MailText;
  dojoName: string;
  name: string;
  invitedBy: string;
  role: "owner" | "manager" | "staff";
  url: string;
  /** Already formatted. */
  expiresOn: string;
}

/** The invitation link of Settings → Staff, by mail. */
export function StaffInvitation({ locale, text, dojoName, name, invitedBy, role, url, expiresOn }: StaffInvitationProps) {
  const t = scoped(text, "staffInvitation");
  const common = scoped(text, "common");
  return (
    <Html lang={locale}>
      <Head />
      <Preview>{t("subject", { invitedBy, dojo: dojoName })}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Heading as="h1" style={styles.heading}>
            {t("heading", { dojo: dojoName })}
          </Heading>
          <Text>{common("hello", { name })}</Text>
          <Text>{t("body", { invitedBy, dojo: dojoName, role: t(`roles.${role}`) })}</Text>
          <Button href={url} style={styles.button}>
            {t("button")}
          </Button>
          <Hr />
          <Text style={styles.small}>{t("footer", { expiresOn })}</Text>
        </Container>
      </Body>
    </Html>
  );
}

export default StaffInvitation;
