import Database from "better-sqlite3";
import pg from "pg";

/*
 * A database's structure as plain data (tables, columns, indexes, keys, enums), so two
 * databases built different ways can be compared. Prisma's own bookkeeping table is left out.
 */

type Rows = Record<string, unknown>[];

export function sqliteFingerprint(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    const tables = (
      db
        .prepare(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' ORDER BY name",
        )
        .all() as { name: string }[]
    ).map((t) => t.name);
    return Object.fromEntries(
      tables.map((table) => {
        const pragma = (sql: string) => db.prepare(sql).all() as Rows;
        const byName = (rows: Rows) => rows.sort((a, b) => String(a.name).localeCompare(String(b.name)));
        const columns = byName(pragma(`PRAGMA table_info("${table}")`)).map(({ cid: _cid, ...rest }) => rest);
        const indexes = byName(pragma(`PRAGMA index_list("${table}")`)).map(({ seq: _seq, ...index }) => ({
          ...index,
          columns: pragma(`PRAGMA index_info("${String(index.name)}")`).map((c) => c.name),
        }));
        const foreignKeys = pragma(`PRAGMA foreign_key_list("${table}")`)
          .map(({ id: _id, seq: _seq, ...fk }) => fk)
          .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
        return [table, { columns, indexes, foreignKeys }];
      }),
    );
  } finally {
    db.close();
  }
}

export async function postgresFingerprint(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const query = async (sql: string) => (await client.query(sql)).rows as Rows;
    return {
      columns: await query(`
        SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default, character_maximum_length
        FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
        ORDER BY table_name, column_name`),
      indexes: await query(`
        SELECT tablename, indexname, indexdef FROM pg_indexes
        WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'
        ORDER BY tablename, indexname`),
      constraints: await query(`
        SELECT r.relname AS table_name, c.conname, pg_get_constraintdef(c.oid) AS definition
        FROM pg_constraint c JOIN pg_class r ON r.oid = c.conrelid
        WHERE c.connamespace = 'public'::regnamespace AND r.relname <> '_prisma_migrations'
        ORDER BY 1, 2`),
      enums: await query(`
        SELECT t.typname, array_agg(e.enumlabel ORDER BY e.enumsortorder) AS labels
        FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE n.nspname = 'public' GROUP BY t.typname ORDER BY t.typname`),
    };
  } finally {
    await client.end();
  }
}
