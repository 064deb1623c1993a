// `npm run db:seed`: the Demo Dojo, into an empty database only.
import { closeDb } from "../db/client";
import { seedIfEmpty } from "./seed/demo-dojo";
import { ensureLocalSecrets } from "./local-env";

async function main() {
  if (!process.env.DATABASE_URL) Object.assign(process.env, { ...ensureLocalSecrets(), ...process.env });
  const logins = await seedIfEmpty();
  await closeDb();
  if (!logins) {
    console.log("The database already has data: nothing was seeded.");
    return;
  }
  console.log("Seeded the Demo Dojo.");
  console.log(`  Owner:  ${logins.owner.email} / ${logins.owner.password}`);
  console.log(`  Staff:  ${logins.staff.email} / ${logins.staff.password}`);
  console.log(`  Member: UID ${logins.member.uid} / ${logins.member.password}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
