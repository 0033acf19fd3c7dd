// `npm run db:migration -- <name>`: writes the migration for both providers from what changed
// in prisma/schema.prisma since the last migration (whose schema is kept beside its SQL).
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { MIGRATIONS, ROOT, SQLITE_SCHEMA, toPostgresSchema } from "./lib/prisma-schema";
import { prismaBin, run } from "./lib/run";

const name = process.argv[2] ?? "";
if (!/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:migration -- <name>   (lower-case letters, digits and _)");
  process.exit(2);
}

const SNAPSHOT = "schema.prisma";
const sqliteDir = path.join(ROOT, MIGRATIONS.sqlite);
const last = readdirSync(sqliteDir)
  .filter((d) => existsSync(path.join(sqliteDir, d, SNAPSHOT)))
  .sort()
  .at(-1);
const previous = last ? readFileSync(path.join(sqliteDir, last, SNAPSHOT), "utf8") : null;
const current = readFileSync(SQLITE_SCHEMA, "utf8");

const work = path.join(ROOT, "prisma/generated/new-migration");
mkdirSync(work, { recursive: true });
const folder = `${new Date().toISOString().replace(/\D/g, "").slice(0, 14)}_${name}`;

const providers = [
  { dir: MIGRATIONS.sqlite, transform: (s: string) => s, url: `file:${path.join(work, "unused.db")}` },
  { dir: MIGRATIONS.postgresql, transform: toPostgresSchema, url: `file:${path.join(work, "unused.db")}` },
];
const scripts = providers.map(({ transform, url }) => {
  const to = path.join(work, "to.prisma");
  writeFileSync(to, transform(current));
  const from = ["--from-empty"];
  if (previous) {
    writeFileSync(path.join(work, "from.prisma"), transform(previous));
    from.splice(0, 1, "--from-schema-datamodel", path.join(work, "from.prisma"));
  }
  return run(prismaBin, ["migrate", "diff", ...from, "--to-schema-datamodel", to, "--script"], {
    env: { ...process.env, DATABASE_URL: url },
  });
});
rmSync(work, { recursive: true, force: true });

if (scripts.every((sql) => /This is an empty migration/.test(sql))) {
  console.log("prisma/schema.prisma has not changed since the last migration: nothing written.");
  process.exit(0);
}
providers.forEach(({ dir }, i) => {
  const target = path.join(ROOT, dir, folder);
  mkdirSync(target, { recursive: true });
  writeFileSync(path.join(target, "migration.sql"), scripts[i]!);
  console.log(`Wrote ${path.relative(ROOT, target)}/migration.sql`);
});
writeFileSync(path.join(sqliteDir, folder, SNAPSHOT), current);
console.log("Review both files, then run npm test: it checks that the migrations match the schema.");
