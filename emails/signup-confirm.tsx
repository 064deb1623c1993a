import { Body, Button, Container, Head, Heading, Hr, Html, Link, Preview, Text } from "@react-email/components";
import { mailStyles as styles } from "./styles";
import { scoped, type MailText } from "./translate";

export type SignupConfirmProps = {
  /** The language of the mail (lib/i18n/staff-mail-locale.ts). */
  locale: string;
  /** Its words: the "emails" messages in that language. */
  text: MailText;
} & ({ kind: "new"; ownerName: string; dojoName: string; confirmUrl: string; expiresOn: string } | { kind: "existing"; loginUrl: string; signupUrl: string });

/**
 * The answer to the sign-up form, by mail: a link that creates the dojo, or, when the address
 * already has an account, a reminder to log in (the form says the same either way).
 */
export function SignupConfirm(props: SignupConfirmProps) {
  const t = scoped(props.text, "signupConfirm");
  const common = scoped(props.text, "common");
  const title = props.kind === "new" ? t("newTitle", { dojo: props.dojoName }) : t("existingTitle");
  return (
    <Html lang={props.locale}>
      <Head />
      <Preview>{title}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Heading as="h1" style={styles.heading}>
            {title}
          </Heading>
          {props.kind === "new" ? (
            <>
              <Text>{common("hello", { name: props.ownerName })}</Text>
              <Text>{t("newBody", { dojo: props.dojoName })}</Text>
              <Button href={props.confirmUrl} style={styles.button}>
                {t("newButton")}
              </Button>
              <Hr />
              <Text style={styles.small}>{t("newFooter", { expiresOn: props.expiresOn })}</Text>
            </>
          ) : (
            <>
              <Text>{t("existingBody")}</Text>
              <Button href={props.loginUrl} style={styles.button}>
                {t("logIn")}
              </Button>
              <Text>
                {t("forgot")}{" "}
                <Link href={props.signupUrl} style={styles.link}>
                  {props.signupUrl}
                </Link>
              </Text>
              <Hr />
              <Text style={styles.small}>{t("existingFooter")}</Text>
            </>
          )}
        </Container>
      </Body>
    </Html>
  );
}

export default SignupConfirm;
