// A worker process for tests/integration/job-processes.test.ts: runs one scheduled job (every
// second) on the test database's engine, appending "<pid> <slot>" to OUT_FILE for each run.
import { appendFileSync } from "node:fs";
import { z } from "zod";
import { resolveDatabaseUrl } from "../../lib/database-url";
import { createBackend } from "../../lib/jobs/backend";
import { defineJob, type JobDefinition } from "../../lib/jobs/engine";

const out = process.env.OUT_FILE!;
const tick = defineJob({
  name: process.env.JOB_NAME!,
  schema: z.object({}),
  retry: { limit: 0, delaySeconds: 1, backoff: false },
  expireInSeconds: 30,
  concurrency: 1,
  handler: async (_data, job) => appendFileSync(out, `${process.pid} ${job.slot}\n`),
}) as JobDefinition;
const backend = await createBackend(resolveDatabaseUrl(process.env.DATABASE_URL!), {
  definitions: [tick],
  schedules: [{ job: tick.name, everySeconds: 1 }],
  pollIntervalMs: 200,
});
await backend.work();
console.log("ready");
process.on("SIGTERM", () => void backend.stop().then(() => process.exit(0)));
