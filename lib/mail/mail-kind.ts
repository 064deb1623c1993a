import type { ReactElement } from "react";
import type { Db } from "@/db/client";

/** One mail, composed from the database when its job runs. */
export interface ComposedMail {
  dojoName: string;
  to: string;
  subject: string;
  react: ReactElement;
  headers?: Record<string, string>;
  /** Files sent with the mail, e.g. the invoice PDF. */
  attachments?: MailAttachment[];
}

export interface MailAttachment {
  filename: string;
  content: Buffer;
}

/** The mail, or why there is nothing to send any more (the record is gone, no address, already paid …). */
export type Composition = ComposedMail | { skip: string };

/**
 * A kind of transactional mail: its job (`mail.<name>`) stores only `params` (ids and facts that
 * never change), and `compose` renders the mail from what the database says when the job runs,
 * so a retry an hour later uses current data.
 */
export interface MailKind<P extends Record<string, unknown>> {
  name: string;
  /** What staff read in the list of mails that could not be sent, e.g. "Payment receipt". */
  label: string;
  compose(db: Db, params: P, now: Date): Promise<Composition>;
}

export const defineMail = <P extends Record<string, unknown>>(kind: MailKind<P>): MailKind<P> => kind;
