import { Body, Button, Container, Head, Heading, Hr, Html, Link, Preview, Text } from "@react-email/components";
import { mailStyles as styles } from "./styles";

export type SignupConfirmProps =
  | { kind: "new"; ownerName: string; dojoName: string; confirmUrl: string; expiresOn: string }
  | { kind: "existing"; loginUrl: string; signupUrl: string };

/**
 * The answer to the sign-up form, by mail: a link that creates the dojo, or, when the address
 * already has an account, a reminder to log in (the form says the same either way).
 */
export function SignupConfirm(props: SignupConfirmProps) {
  const title = props.kind === "new" ? `Confirm your e-mail to create ${props.dojoName}` : "You already have a Tatami account";
  return (
    <Html lang="en">
      <Head />
      <Preview>{title}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Heading as="h1" style={styles.heading}>
            {title}
          </Heading>
          {props.kind === "new" ? (
            <>
              <Text>Hello {props.ownerName},</Text>
              <Text>Confirm that this is your e-mail address, and {props.dojoName} is ready on Tatami: log in with the password you chose.</Text>
              <Button href={props.confirmUrl} style={styles.button}>
                Confirm and create my dojo
              </Button>
              <Hr />
              <Text style={styles.small}>The link works until {props.expiresOn}. If you did not sign up, ignore this mail: nothing is created without it.</Text>
            </>
          ) : (
            <>
              <Text>Someone (probably you) tried to sign up a dojo with this e-mail address, which already has an account. Nothing was changed.</Text>
              <Button href={props.loginUrl} style={styles.button}>
                Log in
              </Button>
              <Text>
                Forgot your password? Ask your dojo&apos;s owner to invite you again, or sign up with another address:{" "}
                <Link href={props.signupUrl} style={styles.link}>
                  {props.signupUrl}
                </Link>
              </Text>
              <Hr />
              <Text style={styles.small}>If it was not you, ignore this mail.</Text>
            </>
          )}
        </Container>
      </Body>
    </Html>
  );
}

export default SignupConfirm;
