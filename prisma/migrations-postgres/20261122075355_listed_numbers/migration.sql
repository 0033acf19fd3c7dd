-- DropIndex
DROP INDEX "SnapshotPhoneNumber_displayPhoneNumber_id_idx";

-- AlterTable
ALTER TABLE "SnapshotPhoneNumber" ADD COLUMN     "listed" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "SnapshotPhoneNumber_listed_displayPhoneNumber_id_idx" ON "SnapshotPhoneNumber"("listed", "displayPhoneNumber", "id");

-- CreateIndex
CREATE INDEX "SnapshotPhoneNumber_listed_status_idx" ON "SnapshotPhoneNumber"("listed", "status");


-- The numbers the overview lists today: those of each client's latest snapshot, the client not archived.
UPDATE "SnapshotPhoneNumber" SET "listed" = true
WHERE "snapshotId" IN (
  SELECT s."id" FROM "PluginConfigSnapshot" s JOIN "Client" c ON c."id" = s."clientId"
  WHERE s."isLatest" = true AND c."archived" = false
);
