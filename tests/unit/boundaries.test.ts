import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/* Import rules that keep secrets on the server and the fake out of the app. */

const ROOT = path.resolve(import.meta.dirname, "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name))
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)))
    .filter((f) => !f.startsWith("lib/generated/"));
}

const appFiles = ["app", "components", "lib"].flatMap(sourceFiles);
const importsOf = (file: string) =>
  [...readFileSync(path.join(ROOT, file), "utf8").matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g)].map(
    (m) => m[1]!,
  );

describe("module boundaries", () => {
  it("finds the app's source files", () => {
    expect(appFiles).toContain("lib/env.ts");
    expect(appFiles).toContain("app/page.tsx");
  });

  it("the app never imports the fake ChakraHQ", () => {
    const offenders = appFiles.filter((f) => importsOf(f).some((i) => i.includes("fake-chakra")));
    expect(offenders).toEqual([]);
  });

  it("client components import nothing that holds secrets", () => {
    const secretModules = /(^|\/)(lib\/env|lib\/db|lib\/prisma|lib\/chakra(\/(index|client))?|lib\/data\/.*)$/;
    const clientFiles = appFiles.filter((f) =>
      /^\s*["']use client["']/m.test(readFileSync(path.join(ROOT, f), "utf8")),
    );
    const offenders = clientFiles.filter((f) => importsOf(f).some((i) => secretModules.test(i.replace(/^@\//, ""))));
    expect(offenders).toEqual([]);
  });

  it("only lib/env.ts reads process.env in the app", () => {
    const readers = appFiles.filter((f) => /process\.env\b/.test(readFileSync(path.join(ROOT, f), "utf8")));
    expect(readers).toEqual(["lib/env.ts"]);
  });
});
