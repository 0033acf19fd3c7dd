import { readFileSync } from "node:fs";
import path from "node:path";

/** Where ChakraHQ's documented examples are kept (docs/chakrahq-contract.md cites them). */
export const EXAMPLES_DIR = path.resolve(import.meta.dirname, "../fixtures/chakrahq");

/** One of ChakraHQ's documented examples in tests/fixtures/chakrahq/, parsed. */
export function readExample(name: string): unknown {
  return JSON.parse(readFileSync(path.join(EXAMPLES_DIR, name), "utf8"));
}
