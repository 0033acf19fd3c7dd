import path from "node:path";

/** Where the data lives: the provider follows from the URL, so one setting picks the adapter. */
export type DatabaseTarget =
  { provider: "sqlite"; url: string; filePath: string } | { provider: "postgresql"; url: string };

export const DEFAULT_DATABASE_URL = "file:./data/dev.db";

/** Reads a DATABASE_URL: `postgres://`/`postgresql://` means PostgreSQL, `file:` means SQLite. */
export function resolveDatabaseUrl(url: string, cwd = process.cwd()): DatabaseTarget {
  if (/^postgres(ql)?:\/\//i.test(url)) return { provider: "postgresql", url };
  if (url.startsWith("file:")) {
    const raw = url.slice("file:".length).replace(/^\/\/(?=\/)/, "");
    if (raw === "" || raw.includes("?")) {
      throw new Error(`DATABASE_URL: expected file:<path>, got "${url}"`);
    }
    const filePath = path.resolve(cwd, raw);
    return { provider: "sqlite", url: `file:${filePath}`, filePath };
  }
  throw new Error(
    `DATABASE_URL: must start with file: (SQLite) or postgres:// / postgresql:// (PostgreSQL), got "${redactUrl(url)}"`,
  );
}

/** A URL fit for a log line: the password, if any, is replaced. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@/]*@/, "//$1:***@");
}

/** The queue's own SQLite file, beside the app's database: data/dev.db → data/dev-jobs.db. */
export function jobsFileFor(databaseFile: string): string {
  const { dir, name, ext } = path.parse(databaseFile);
  return path.join(dir, `${name}-jobs${ext || ".db"}`);
}
