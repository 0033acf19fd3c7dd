import nextEnv from "@next/env";
import { ROOT } from "./prisma-schema";

/** Loads .env files exactly as `next dev` / `next start` do, so scripts and app agree. */
export function loadEnvFiles(dev = process.env.NODE_ENV !== "production"): void {
  nextEnv.loadEnvConfig(ROOT, dev, { info: () => {}, error: console.error });
}
