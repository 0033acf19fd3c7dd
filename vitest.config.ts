import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      "server-only": path.resolve(import.meta.dirname, "tests/support/server-only.ts"),
      "geist/font/sans": path.resolve(import.meta.dirname, "tests/support/geist-font.ts"),
      "geist/font/mono": path.resolve(import.meta.dirname, "tests/support/geist-font.ts"),
    },
  },
  test: {
    include: ["tests/unit/**/*.test.{ts,tsx}", "tests/integration/**/*.test.{ts,tsx}"],
    environment: "node",
    // next-auth imports "next/server" without an extension, which only a bundler resolves;
    // inlined, vite resolves it, and the tests' "next/headers" mock reaches it too.
    server: { deps: { inline: ["next-auth"] } },
    globalSetup: ["tests/support/global-setup.ts"],
    // global-setup.ts points DATABASE_URL at the test database before any worker starts.
    // The integration tests share one database (SQLite allows one writer at a time).
    fileParallelism: false,
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
