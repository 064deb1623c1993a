import { Body, Button, Container, Head, Heading, Hr, Html, Preview, Text } from "@react-email/components";
import { noticeStyles } from "./notice-styles";

export interface PaymentAuthenticationNeededProps {
  dojoName: string;
  memberFirstName: string;
  /** Already formatted, e.g. "€40.00". */
  amount: string;
  invoiceNumber: string;
  /** The member's card link page with this invoice, where the bank's check runs. */
  authenticateUrl: string;
}

const styles = noticeStyles;

/** PSD2/SCA: the bank wants the card holder to confirm a subscription payment. */
export function PaymentAuthenticationNeeded({ dojoName, memberFirstName, amount, invoiceNumber, authenticateUrl }: PaymentAuthenticationNeededProps) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{`Please confirm your payment of ${amount} to ${dojoName}`}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Heading as="h1" style={styles.heading}>
            Please confirm your payment
          </Heading>
          <Text>Hello {memberFirstName},</Text>
          <Text>
            your bank asks you to confirm the subscription payment of {amount} (invoice {invoiceNumber}) to {dojoName}. Nothing is charged until you do.
          </Text>
          <Button href={authenticateUrl} style={styles.button}>
            Confirm payment
          </Button>
          <Text style={styles.small}>Or open this address: {authenticateUrl}</Text>
          <Hr />
          <Text style={styles.small}>{dojoName} · The confirmation is your bank&apos;s own check (3-D Secure), required by the EU&apos;s PSD2 rules.</Text>
        </Container>
      </Body>
    </Html>
  );
}

export default PaymentAuthenticationNeeded;
