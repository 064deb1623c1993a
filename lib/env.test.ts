import { describe, expect, it } from "vitest";
import { postgresTarget } from "./env";

describe("DATABASE_URL (postgresTarget)", () => {
  it("passes a TCP URL through unchanged", () => {
    for (const url of ["postgres://postgres@127.0.0.1:5432/tatami", "postgresql://u:p%40ss@db.internal/tatami?sslmode=require", "postgres://u@[::1]:5433/tatami"]) {
      expect(postgresTarget(url)).toEqual({ url });
    }
  });

  it("turns libpq's socket directory into postgres.js's socket path, the rest of the URL kept", () => {
    expect(postgresTarget("postgres://postgres@/tatami?host=/var/run/postgresql")).toEqual({ url: "postgres://postgres@localhost/tatami", path: "/var/run/postgresql/.s.PGSQL.5432" });
    expect(postgresTarget("postgres:///tatami?host=/tmp/&sslmode=disable")).toEqual({ url: "postgres://localhost/tatami?sslmode=disable", path: "/tmp/.s.PGSQL.5432" });
    expect(postgresTarget("postgres://u:secret@%2Fvar%2Frun%2Fpostgresql:5433/tatami")).toEqual({ url: "postgres://u:secret@localhost:5433/tatami", path: "/var/run/postgresql/.s.PGSQL.5433" });
    // A host given as well: the socket still wins, as with libpq's host= parameter.
    expect(postgresTarget("postgres://postgres@db/tatami?host=/run/pg")).toEqual({ url: "postgres://postgres@db/tatami", path: "/run/pg/.s.PGSQL.5432" });
  });

  it("refuses what names no server", () => {
    expect(() => postgresTarget("not a url")).toThrow(/must be a URL/);
    expect(() => postgresTarget("postgres://postgres@/tatami")).toThrow(/names no host/);
    expect(() => postgresTarget("postgres://postgres@/tatami?host=relative/dir")).toThrow(/absolute path/);
  });
});
