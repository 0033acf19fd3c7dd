import { spawnSync, type SpawnSyncOptions } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");
export const prismaBin = path.join(ROOT, "node_modules/.bin/prisma");

/** Runs a command from the project root; its output is shown only if it fails. */
export function run(command: string, args: string[], options: SpawnSyncOptions = {}): string {
  const result = spawnSync(command, args, { cwd: ROOT, encoding: "utf8", ...options, stdio: "pipe" });
  const output = `${result.stdout ?? ""}${result.stderr ?? ""}`;
  if (result.status !== 0) {
    process.stderr.write(output);
    throw new Error(`${path.basename(command)} ${args.join(" ")} failed (exit ${result.status ?? result.signal})`);
  }
  return output;
}
