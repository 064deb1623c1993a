import { Body, Button, Container, Head, Heading, Hr, Html, Preview, Text } from "@react-email/components";
import { mailStyles as styles } from "./styles";

export interface StaffInvitationProps {
  dojoName: string;
  name: string;
  invitedBy: string;
  role: string;
  url: string;
  /** Already formatted. */
  expiresOn: string;
}

/** The invitation link of Settings → Staff, by mail. */
export function StaffInvitation({ dojoName, name, invitedBy, role, url, expiresOn }: StaffInvitationProps) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{`${invitedBy} invites you to ${dojoName} on Tatami`}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Heading as="h1" style={styles.heading}>
            Join {dojoName} on Tatami
          </Heading>
          <Text>Hello {name},</Text>
          <Text>
            {invitedBy} invites you to help run {dojoName} as {role}. Accept the invitation to choose your password.
          </Text>
          <Button href={url} style={styles.button}>
            Accept invitation
          </Button>
          <Hr />
          <Text style={styles.small}>The link works once, until {expiresOn}.</Text>
        </Container>
      </Body>
    </Html>
  );
}

export default StaffInvitation;
