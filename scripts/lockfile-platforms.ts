// `npm run lockfile:platforms`: puts back into package-lock.json the other platforms' native
// packages (macOS, Windows, …) that npm leaves out when the registry it reaches only serves
// Linux builds. Without them, `npm ci` refuses the lockfile as "out of sync". Each entry gets
// the os/cpu its name states, so npm skips it on other machines, as it would a full entry.
// Run it after any `npm install` that changes dependencies.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./lib/prisma-schema";

type Entry = {
  version?: string;
  dev?: boolean;
  optional?: boolean;
  os?: string[];
  cpu?: string[];
  optionalDependencies?: Record<string, string>;
};

const file = path.join(ROOT, "package-lock.json");
const lock = JSON.parse(readFileSync(file, "utf8")) as { packages: Record<string, Entry> };
const platform =
  /-(android|darwin|freebsd|linux|win32|openharmony|wasm32)(?:-(arm64|x64|arm|ia32|loong64|ppc64|riscv64|s390x))?/;

const added: string[] = [];
for (const entry of Object.values(lock.packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    const match = name.match(platform);
    if (lock.packages[key] || !match) continue;
    const [, os, cpu] = match;
    lock.packages[key] = {
      version,
      ...(entry.dev ? { dev: true } : {}),
      optional: true,
      ...(os === "wasm32" ? { cpu: ["wasm32"] } : { os: [os!], ...(cpu ? { cpu: [cpu] } : {}) }),
    };
    added.push(`${name}@${version}`);
  }
}
lock.packages = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))),
);
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(added.length ? `Added ${added.length} entries:\n  ${added.join("\n  ")}` : "Nothing missing.");
