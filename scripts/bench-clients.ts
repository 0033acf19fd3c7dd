// `npm run bench:clients`: how the clients list and export behave with 10,000 clients.
// Seeds a throwaway database (BENCH_DATABASE_URL, default a temporary SQLite file), then
// prints the median time of each query. Figures, not a pass/fail test.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { resolveDatabaseUrl } from "../lib/database-url";
import { migrateDatabase } from "./lib/migrate";
import { resetTestDatabase } from "./lib/test-database";

const COUNT = Number(process.env.BENCH_CLIENTS ?? 10_000);
const dir = mkdtempSync(path.join(tmpdir(), "bench-clients-"));
const url = process.env.BENCH_DATABASE_URL ?? `file:${path.join(dir, "bench.db")}`;
process.env.DATABASE_URL = url;
const target = resolveDatabaseUrl(url);
if (target.provider === "postgresql") await resetTestDatabase(target);
else await migrateDatabase(target, () => {});

const { db } = await import("../lib/db");
const { buildSearchText, listClients, exportClientsCsv } = await import("../lib/data/clients");
const { clientListQuerySchema } = await import("../lib/validations/clients");

const STATUSES = ["NOT_INVITED", "INVITED", "OPENED", "CONNECTED", "ATTENTION"] as const;
const WORDS = ["Bakery", "Dental", "Traders", "Studio", "Garage", "Pharmacy", "Cafe", "Salon"];
console.log(`Seeding ${COUNT} clients into ${target.provider}…`);
const seedStart = performance.now();
for (let start = 0; start < COUNT; start += 1000) {
  const data = Array.from({ length: Math.min(1000, COUNT - start) }, (_, k) => {
    const i = start + k;
    const fields = {
      name: `${WORDS[i % WORDS.length]} ${i}`,
      contactName: `Contact ${i}`,
      contactEmail: `contact${i}@client${i}.example`,
      clientReferenceId: `client-${i}`,
      pluginId: i % 3 === 0 ? `00000000-0000-4000-8000-${String(i).padStart(12, "0")}` : null,
    };
    return {
      ...fields,
      onboardingStatus: STATUSES[i % STATUSES.length],
      archived: i % 50 === 0,
      searchText: buildSearchText(fields, [`+1 555-${String(i).padStart(7, "0")}`]),
    };
  });
  await db.client.createMany({ data });
}
console.log(`Seeded in ${Math.round(performance.now() - seedStart)} ms\n`);

async function median(label: string, run: () => Promise<unknown>, times = 15) {
  await run(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    await run();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  console.log(
    `${label.padEnd(44)} median ${samples[Math.floor(times / 2)]!.toFixed(1).padStart(7)} ms   max ${samples.at(-1)!.toFixed(1).padStart(7)} ms`,
  );
}

const q = (query: Record<string, string>) => clientListQuerySchema.parse(query);
await median("first page, by name", () => listClients(q({})));
await median("page 300, by last update", () => listClients(q({ sort: "updatedAt", dir: "desc", page: "300" })));
await median("status CONNECTED", () => listClients(q({ status: "CONNECTED" })));
await median('search "bakery 12"', () => listClients(q({ q: "bakery 12" })));
await median('search phone "5550001234"', () => listClients(q({ q: "5550001234" })));
await median("archived", () => listClients(q({ status: "ARCHIVED" })));
await median("CSV export of all active clients", () => exportClientsCsv(q({})), 3);
const memory = process.memoryUsage();
console.log(`\nResident memory after the runs: ${Math.round(memory.rss / 1024 / 1024)} MB`);

await db.$disconnect();
rmSync(dir, { recursive: true, force: true });
