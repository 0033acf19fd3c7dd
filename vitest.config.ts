import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      "server-only": path.resolve(import.meta.dirname, "tests/support/server-only.ts"),
    },
  },
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts"],
    environment: "node",
    globalSetup: ["tests/support/global-setup.ts"],
    // global-setup.ts points DATABASE_URL at the test database before any worker starts.
    // The integration tests share one database (SQLite allows one writer at a time).
    fileParallelism: false,
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
