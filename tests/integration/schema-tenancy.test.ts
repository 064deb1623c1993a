import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { pgTable, uuid, text } from "drizzle-orm/pg-core";
import { getDb } from "@/db/client";
import * as schema from "@/db/schema";
import { GLOBAL_TABLES, isGlobalTable } from "@/db/global-tables";
import { tenantKey, tenantReference } from "@/db/schema/tenant-keys";
import { shapesOfDatabase, shapesOfSchema, tenancyViolations, type TableShape } from "../support/schema-tenancy";

const shapes = shapesOfSchema(schema);
const tenantTables = shapes.filter((t) => !isGlobalTable(t.name)).map((t) => t.name).sort();

describe("the schema enforces tenancy", () => {
  it("every tenant table has dojo_id in a key, and every foreign key between tenant tables carries it", () => {
    expect(tenancyViolations(shapes, isGlobalTable)).toEqual([]);
    // The rule has something to hold: the tenant tables reference each other.
    const tenantFks = shapes.filter((t) => !isGlobalTable(t.name)).flatMap((t) => t.foreignKeys.filter((fk) => !isGlobalTable(fk.foreignTable)));
    expect(tenantFks.length).toBeGreaterThan(30);
  });

  it("the migrated database has the same keys as the schema says", async () => {
    const live = await shapesOfDatabase(await getDb());
    expect(live.map((t) => t.name).sort()).toEqual(shapes.map((t) => t.name).sort());
    expect(tenancyViolations(live, isGlobalTable)).toEqual([]);
    const foreignKeys = (tables: TableShape[]) => tables.flatMap((t) => t.foreignKeys.map((fk) => `${t.name}(${fk.columns}) → ${fk.foreignTable}(${fk.foreignColumns})`)).sort();
    expect(foreignKeys(live)).toEqual(foreignKeys(shapes));
    expect(foreignKeys(live)).toContain("invoices(dojo_id,member_id) → members(dojo_id,id)");
  });

  it("names every global table that exists, and no other", () => {
    const names = new Set(shapes.map((t) => t.name));
    expect(Object.keys(GLOBAL_TABLES).filter((name) => !names.has(name))).toEqual([]);
  });

  it("fails on a tenant foreign key without dojo_id, a tenant table without it, and a global table pointing into a tenant", () => {
    const parent = pgTable("parents", { id: uuid("id").primaryKey(), dojoId: uuid("dojo_id").notNull() }, (t) => [tenantKey("parents", t)]);
    const fixtures = {
      parent,
      goodChild: pgTable("good_children", { id: uuid("id").primaryKey(), dojoId: uuid("dojo_id").notNull(), parentId: uuid("parent_id") }, (t) => [
        tenantKey("good_children", t),
        tenantReference("good_children_parent_fk", t.dojoId, t.parentId, parent),
      ]),
      badChild: pgTable("bad_children", { id: uuid("id").primaryKey(), dojoId: uuid("dojo_id").notNull(), parentId: uuid("parent_id").references(() => parent.id) }, (t) => [tenantKey("bad_children", t)]),
      keyless: pgTable("keyless", { id: uuid("id").primaryKey(), dojoId: uuid("dojo_id").notNull() }),
      noDojo: pgTable("no_dojo", { id: uuid("id").primaryKey(), name: text("name") }),
      platform: pgTable("platform_notes", { id: uuid("id").primaryKey(), parentId: uuid("parent_id").references(() => parent.id) }),
    };
    const problems = tenancyViolations(shapesOfSchema(fixtures), (name) => name === "platform_notes");
    expect(problems).toEqual([
      expect.stringMatching(/^bad_children: foreign key .* \(parent_id\) → parents \(id\) does not carry dojo_id$/),
      "keyless: no primary or unique key includes dojo_id",
      "no_dojo: tenant table without dojo_id",
      expect.stringMatching(/^platform_notes: global table references tenant table parents/),
    ]);
  });
});

// docs/operations.md, "Distributing by dojo (Citus)": its table lists stay those of the schema.
function listedIn(section: string, label: string): string[] {
  const line = section.split("\n").find((l) => l.startsWith(`- **${label}**`));
  if (!line) throw new Error(`docs/operations.md has no "- **${label}**" line`);
  return [...line.slice(line.indexOf(":")).matchAll(/`([^`]+)`/g)].map((m) => m[1]).sort();
}

/** Unique keys of tenant tables that leave dojo_id out (besides the `id` primary key): Citus refuses them. */
function globalUniqueKeys(tables: TableShape[]): string[] {
  return tables
    .filter((t) => !isGlobalTable(t.name))
    .flatMap((t) => t.uniques.filter((key) => !key.includes("dojo_id") && !(key.length === 1 && key[0] === "id")).map((key) => `${t.name}(${key.join(", ")})`))
    .sort();
}

describe("docs/operations.md: distributing by dojo", () => {
  const doc = readFileSync(path.join(process.cwd(), "docs/operations.md"), "utf8");
  const start = doc.indexOf("## Distributing by dojo");
  const section = doc.slice(start, doc.indexOf("\n## ", start + 1));

  it("distributes exactly the tenant tables and keeps every global table as a reference or coordinator table", () => {
    expect(start).toBeGreaterThan(0);
    expect(listedIn(section, "Distributed by `dojo_id`")).toEqual(tenantTables);
    const reference = listedIn(section, "Reference tables");
    const local = listedIn(section, "Coordinator tables");
    expect([...reference, ...local].sort()).toEqual(Object.keys(GLOBAL_TABLES).sort());
    expect(reference).toContain("dojos");
  });

  it("lists the unique keys that still leave dojo_id out", () => {
    expect(listedIn(section, "Unique keys without `dojo_id`")).toEqual(globalUniqueKeys(shapes));
  });
});
