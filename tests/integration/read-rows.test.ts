import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { readRows } from "@/lib/data/sql";

describe("readRows (the end client's page's reads)", () => {
  it("binds each ? in order, on either database", async () => {
    const rows = await readRows<{ a: string; b: string }>(`SELECT ? AS "a", ? AS "b"`, "first", "second");
    expect(rows).toEqual([{ a: "first", b: "second" }]);
  });

  it("sees what another connection committed a moment ago", async () => {
    await db.agencySettings.upsert({
      where: { id: "agency" },
      create: { id: "agency", name: "Before" },
      update: { name: "Before" },
    });
    const read = () => readRows<{ name: string }>(`SELECT "name" FROM "AgencySettings" WHERE "id" = ?`, "agency");
    expect(await read()).toEqual([{ name: "Before" }]);
    await db.agencySettings.update({ where: { id: "agency" }, data: { name: "After" } });
    expect(await read()).toEqual([{ name: "After" }]);
  });

  it.runIf(env.database.provider === "sqlite")("cannot write on SQLite: its connection is for reads only", async () => {
    // RETURNING: a statement that returns rows, so only query_only can refuse it.
    const write = `UPDATE "AgencySettings" SET "name" = ? WHERE "id" = ? RETURNING "name"`;
    await expect(readRows(write, "Written", "agency")).rejects.toThrow(/readonly/i);
    expect((await db.agencySettings.findUnique({ where: { id: "agency" } }))?.name).not.toBe("Written");
  });
});
