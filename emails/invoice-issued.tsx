import { Body, Button, Container, Head, Heading, Hr, Html, Preview, Section, Text } from "@react-email/components";
import { mailStyles as styles } from "./styles";

export interface InvoiceIssuedProps {
  dojoName: string;
  memberName: string;
  invoiceNumber: string;
  /** Already formatted in the invoice's currency. */
  amount: string;
  /** Already formatted, e.g. "14 March 2026". */
  dueDate: string;
  /** The members area, where the invoice can be seen and paid. */
  portalUrl: string;
}

/** Sent when staff issue an invoice to a member who has an e-mail address. */
export function InvoiceIssued({ dojoName, memberName, invoiceNumber, amount, dueDate, portalUrl }: InvoiceIssuedProps) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{`Invoice ${invoiceNumber} from ${dojoName}: ${amount} due ${dueDate}`}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Heading as="h1" style={styles.heading}>
            New invoice {invoiceNumber}
          </Heading>
          <Text>Hello {memberName},</Text>
          <Text>{dojoName} has issued you an invoice.</Text>
          <Section>
            <Text style={styles.label}>Amount</Text>
            <Text style={styles.value}>{amount}</Text>
            <Text style={styles.label}>Due</Text>
            <Text style={styles.value}>{dueDate}</Text>
          </Section>
          <Text>The invoice is attached as a PDF for your records.</Text>
          <Button href={portalUrl} style={styles.button}>
            See it in the members area
          </Button>
          <Hr />
          <Text style={styles.small}>{dojoName} · You can also pay at the desk.</Text>
        </Container>
      </Body>
    </Html>
  );
}

export default InvoiceIssued;
