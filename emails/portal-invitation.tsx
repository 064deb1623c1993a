import { Body, Button, Container, Head, Heading, Hr, Html, Preview, Text } from "@react-email/components";
import { mailStyles as styles } from "./styles";

export interface PortalInvitationProps {
  dojoName: string;
  memberName: string;
  uid: string;
  setPasswordUrl: string;
  /** Already formatted, e.g. "21 March 2026". */
  expiresOn: string;
}

/** Invites a member to the members area: they choose a password and log in with their UID. */
export function PortalInvitation({ dojoName, memberName, uid, setPasswordUrl, expiresOn }: PortalInvitationProps) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{`Set your password for the ${dojoName} members area`}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Heading as="h1" style={styles.heading}>
            Your members area
          </Heading>
          <Text>Hello {memberName},</Text>
          <Text>{dojoName} invites you to its members area, where you see your invoices and pay them. Choose a password to start.</Text>
          <Text style={styles.label}>Your UID (you log in with it)</Text>
          <Text style={{ ...styles.value, fontFamily: "monospace", letterSpacing: "2px" }}>{uid}</Text>
          <Button href={setPasswordUrl} style={styles.button}>
            Set my password
          </Button>
          <Hr />
          <Text style={styles.small}>The link works once, until {expiresOn}. If you did not expect this, ignore this mail.</Text>
        </Container>
      </Body>
    </Html>
  );
}

export default PortalInvitation;
