// Seeds the end-to-end database before `next start`: the Demo Dojo (Ultimate plan) and a
// second dojo on the Pro plan, whose owner is used to check that gated features stay locked.
import { writeFileSync } from "node:fs";
import { closeDb, getDb } from "../../db/client";
import { seedIfEmpty } from "../../scripts/seed/demo-dojo";
import { dojos, staffUsers } from "../../db/schema";
import { hashPassword } from "../../lib/auth/password";
import { E2E, E2E_SEED_FILE } from "./accounts";
import { seedPlanDojos } from "./seed-plans";

async function main() {
  const db = await getDb();
  const logins = await seedIfEmpty(db);
  if (!logins) throw new Error("The end-to-end database must start empty");
  const [pro] = await db.insert(dojos).values({ name: "Pro Dojo", slug: "pro-dojo", currency: "EUR", plan: "pro" }).returning();
  // One argon2 run for both (same password): the seed runs before the app may start.
  const proHash = await hashPassword(E2E.proOwner.password);
  await db.insert(staffUsers).values({ dojoId: pro.id, role: "owner", name: "Pat Pro", email: E2E.proOwner.email, passwordHash: proHash });
  await db.insert(staffUsers).values({ dojoId: pro.id, role: "staff", name: "Tia Target", email: E2E.throttleTarget.email, passwordHash: proHash });
  await seedPlanDojos(db);
  await closeDb();
  writeFileSync(E2E_SEED_FILE, JSON.stringify({ memberUid: logins.member.uid }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
