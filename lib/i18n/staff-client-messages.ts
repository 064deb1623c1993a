// The words the staff dashboard hands its client components: each part of the dashboard only the
// namespaces its own client components read (`useTranslations("staff.members.form")`), not the
// whole staff tree (~85 kB of JSON in every page's HTML, ~5 ms of a page's server time to
// serialise; docs/benchmarks.md, 2026-12-03). Server components read every word through staffT.
// staff-client-messages.test.ts walks each part's imports and fails when a client component there
// reads a namespace its part does not give.
import type { StaffLocale } from "./staff-locales";
import { staffMessageTree } from "./staff-messages";

// Fields, dialogs, toasts and pagination (components/ui) on any page with forms.
const PAGE = ["ui", "validation"];

export const STAFF_CLIENT_NAMESPACES = {
  /** The staff layout: navigation and menu (the areas' own providers replace it below). */
  shell: ["ui", "staff.shell"],
  /** Log in, sign up and confirm (app/(auth)), before anyone is signed in. */
  auth: [...PAGE, "staff.auth", "components.login"],
  account: [...PAGE, "staff.account"],
  campaigns: [...PAGE, "staff.campaigns", "staff.invoices.picker", "staff.settings.plans"],
  dashboard: [...PAGE, "staff.dashboard.failedMails", "staff.settings.stripe"],
  invoices: [...PAGE, "staff.invoices", "components.checkout"],
  ledger: [...PAGE, "staff.ledger"],
  /** The members list and a new member's form. */
  members: [...PAGE, "staff.members.form"],
  /** A member's page (app/(staff)/members/[id]): subscriptions, cards, invoices' statuses. */
  member: [...PAGE, "staff.members", "staff.invoices.status", "components.cardSetup", "components.checkout", "components.pause"],
  memberPlans: [...PAGE, "staff.members", "staff.settings.plans"],
  families: [...PAGE, "staff.members.families"],
  memberImport: [...PAGE, "staff.members.import"],
  settings: [...PAGE, "staff.settings", "staff.shell.roles", "components.checkout"],
  webshop: [...PAGE, "staff.webshop"],
} as const satisfies Record<string, readonly string[]>;

export type StaffClientPart = keyof typeof STAFF_CLIENT_NAMESPACES;

type Tree = { [key: string]: string | Tree };

/** Only the given namespaces of a message tree ("staff.members" → { staff: { members } }); throws for one the tree lacks. */
export function pickMessages(tree: Tree, namespaces: readonly string[]): Tree {
  const picked: Tree = {};
  const taken: string[] = [];
  // Shortest first: a namespace inside one already taken ("ui.toast" in "ui") is there already.
  for (const namespace of [...namespaces].sort((a, b) => a.length - b.length)) {
    if (taken.some((t) => namespace === t || namespace.startsWith(`${t}.`))) continue;
    taken.push(namespace);
    const keys = namespace.split(".");
    let from: string | Tree = tree;
    let to = picked;
    for (const [i, key] of keys.entries()) {
      const next: string | Tree | undefined = typeof from === "object" ? from[key] : undefined;
      if (next === undefined) throw new Error(`No messages for "${namespace}"`);
      from = next;
      // The objects on the way are this pick's own (no namespace above this one was taken whole).
      if (i === keys.length - 1) to[key] = from;
      else to = (to[key] ??= {}) as Tree;
    }
  }
  return picked;
}

const picks = new Map<string, Tree>();

/** A part's client messages in one language; picked once per process, the trees never change. */
export function staffClientMessages(locale: StaffLocale, part: StaffClientPart): Tree {
  const key = `${locale}:${part}`;
  let messages = picks.get(key);
  if (!messages) picks.set(key, (messages = pickMessages(staffMessageTree(locale) as unknown as Tree, STAFF_CLIENT_NAMESPACES[part])));
  return messages;
}
