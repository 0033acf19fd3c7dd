import { describe, expect, it, vi } from "vitest";
import { db, makeDurable } from "@/lib/db";
import { env } from "@/lib/env";

/** A transaction of this process (a background job's, say) held open for `ms` while a checkpoint is asked for. */
async function checkpointDuring(ms: number) {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let opened!: () => void;
  const open = new Promise<void>((resolve) => (opened = resolve));
  const transaction = db.$transaction(
    async (tx) => {
      await tx.agencySettings.findFirst();
      opened();
      await held;
    },
    { timeout: 5_000 },
  );
  await open;
  setTimeout(release, ms);
  const done = makeDurable();
  return { done, finished: () => transaction };
}

// On PostgreSQL makeDurable does nothing (its commits are durable): these pass there at once.
describe("makeDurable", () => {
  it("waits out another transaction of this process instead of failing the write that asked for it", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const { done, finished } = await checkpointDuring(30);
    await expect(done).resolves.toBeUndefined();
    await finished();
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });

  it("goes on with a warning when the other transaction outlasts its tries: the commit stands", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const { done, finished } = await checkpointDuring(600);
    await expect(done).resolves.toBeUndefined();
    await finished();
    if (env.database.provider === "sqlite")
      expect(warn).toHaveBeenCalledWith("[db] checkpoint not done: the database stayed locked; the commit stands");
    warn.mockRestore();
  });
});
