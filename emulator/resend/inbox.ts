import { bareAddress, type InboxMail } from "./mail";

/** Every accepted mail, newest first. One inbox for all keys: it is the developer's mailbox. */
export class Inbox {
  private mails: InboxMail[] = [];

  add(mail: InboxMail): void {
    this.mails.unshift(mail);
  }

  get(id: string): InboxMail | undefined {
    return this.mails.find((m) => m.id === id);
  }

  /** `to` matches any recipient (to, cc or bcc) by bare address, case-insensitively. */
  list(filter: { to?: string | null } = {}): InboxMail[] {
    const to = filter.to ? bareAddress(filter.to) : null;
    if (!to) return [...this.mails];
    return this.mails.filter((m) =>
      [...m.to, ...(m.cc ?? []), ...(m.bcc ?? [])].some((address) => bareAddress(address) === to),
    );
  }

  /** Clears everything, or only the mail `list({ to })` would show, so parallel tests keep theirs. */
  clear(filter: { to?: string | null } = {}): number {
    const doomed = new Set(this.list(filter));
    this.mails = this.mails.filter((m) => !doomed.has(m));
    return doomed.size;
  }
}
