import { spawnSync, type SpawnSyncOptions } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");
export const prismaBin = path.join(ROOT, "node_modules/.bin/prisma");

/** Runs a command from the project root and returns its stdout; all output is shown if it fails. */
export function run(command: string, args: string[], options: SpawnSyncOptions = {}): string {
  const result = spawnSync(command, args, { cwd: ROOT, encoding: "utf8", ...options, stdio: "pipe" });
  if (result.status !== 0) {
    process.stderr.write(`${result.stdout ?? ""}${result.stderr ?? ""}`);
    throw new Error(`${path.basename(command)} ${args.join(" ")} failed (exit ${result.status ?? result.signal})`);
  }
  return String(result.stdout ?? "");
}
