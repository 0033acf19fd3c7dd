import { readFileSync } from "node:fs";
import path from "node:path";

/** The documented ChakraHQ examples in ../shared/chakrahq/examples/. */
export function readExample(name: string): unknown {
  const file = path.resolve(import.meta.dirname, "../../../shared/chakrahq/examples", name);
  return JSON.parse(readFileSync(file, "utf8"));
}
