import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EXAMPLES_DIR, readExample } from "../support/examples";

/*
 * A clone has nothing beside it: no file the repository keeps may reach outside it for the
 * ChakraHQ contract or its examples (they live in docs/ and tests/fixtures/).
 */

const ROOT = path.resolve(import.meta.dirname, "../..");
// Spelled in pieces so that this file does not match itself.
const OUTSIDE = [["..", "shared"].join("/"), ["shared", "chakrahq"].join("/")];
const ALLOWED = new Set(["package-lock.json"]);

/** The files git keeps, or would keep (new files not ignored); null without git. */
function gitFiles(): string[] | null {
  const result = spawnSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (result.error || result.status !== 0) return null;
  return result.stdout.split("\0").filter(Boolean);
}

/** The .gitignore patterns this repository uses: `name`, `dir/`, `/anchored/`, `a/b/`, `*.ext`. */
function ignoreRules(): ((file: string, isDir: boolean) => boolean)[] {
  const lines = readFileSync(path.join(ROOT, ".gitignore"), "utf8").split("\n");
  return lines
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#") && !line.startsWith("!"))
    .map((line) => {
      const dirOnly = line.endsWith("/");
      const pattern = line.replace(/^\//, "").replace(/\/$/, "");
      const regex = new RegExp(
        `^${pattern
          .replace(/[.+^${}()|[\]\\]/g, "\\$&")
          .replace(/\*/g, "[^/]*")
          .replace(/\?/g, "[^/]")}$`,
      );
      const anchored = line.startsWith("/") || pattern.includes("/");
      return (file: string, isDir: boolean) =>
        (!dirOnly || isDir) && (anchored ? regex.test(file) : regex.test(path.posix.basename(file)));
    });
}

/** Without git (a downloaded archive): every file under the root that .gitignore does not exclude. */
function walkFiles(): string[] {
  const rules = ignoreRules();
  const ignored = (file: string, isDir: boolean) => file === ".git" || rules.some((rule) => rule(file, isDir));
  const files: string[] = [];
  const visit = (dir: string) => {
    for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const file = dir ? `${dir}/${entry.name}` : entry.name;
      if (ignored(file, entry.isDirectory())) continue;
      if (entry.isDirectory()) visit(file);
      else if (entry.isFile()) files.push(file);
    }
  };
  visit("");
  return files;
}

const listed = gitFiles();
// A file deleted but not yet committed is still listed by git: only what is on disk counts.
const files = (listed ?? walkFiles()).filter((f) => existsSync(path.join(ROOT, f)));

describe("the repository stands alone", () => {
  it("lists the project's files", () => {
    expect(files).toEqual(expect.arrayContaining(["README.md", "lib/env.ts", "tests/support/examples.ts"]));
    expect(files.some((f) => f.startsWith("node_modules/"))).toBe(false);
  });

  it("has no file that points outside it for the ChakraHQ contract or its examples", () => {
    const offenders = files
      .filter((f) => !ALLOWED.has(f))
      .flatMap((f) => {
        const text = readFileSync(path.join(ROOT, f), "utf8");
        return OUTSIDE.filter((needle) => text.includes(needle)).map((needle) => `${f}: ${needle}`);
      });
    expect(offenders).toEqual([]);
  });

  it("keeps the contract in docs/, and the README, .env.example and the ChakraHQ code point to it", () => {
    const contract = readFileSync(path.join(ROOT, "docs/chakrahq-contract.md"), "utf8");
    for (const mark of ["[DOC]", "[SEEN]", "[GUESS]"]) expect(contract).toContain(mark);
    for (const file of [
      "README.md",
      ".env.example",
      "fake-chakra/server.ts",
      "fake-chakra/sdk.js",
      "lib/chakra/client.ts",
    ]) {
      expect(readFileSync(path.join(ROOT, file), "utf8"), file).toContain("docs/chakrahq-contract.md");
    }
  });

  it("has ChakraHQ's documented examples as fixtures, which parse", () => {
    expect(path.relative(ROOT, EXAMPLES_DIR)).toBe(path.join("tests", "fixtures", "chakrahq"));
    expect(readdirSync(EXAMPLES_DIR).sort()).toEqual([
      "create-connect-token.request.json",
      "create-connect-token.response.json",
      "error-402.response.json",
      "fetch-plugin-config.response.json",
    ]);
    expect(readExample("create-connect-token.request.json")).toHaveProperty("pluginId");
    expect(readExample("create-connect-token.response.json")).toHaveProperty("_data.connectToken");
    expect(readExample("error-402.response.json")).toMatchObject({ _data: [], _errors: [expect.any(String)] });
    expect(readExample("fetch-plugin-config.response.json")).toHaveProperty("_data.whatsappPhoneNumbers");
  });

  it.runIf(listed !== null)("would find the same files without git", () => {
    // The fallback misses nothing git sees (it may see more: files being written right now).
    expect(walkFiles()).toEqual(expect.arrayContaining(files));
  });
});
