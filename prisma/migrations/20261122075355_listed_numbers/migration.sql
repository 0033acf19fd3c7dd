-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_SnapshotPhoneNumber" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "snapshotId" TEXT NOT NULL,
    "phoneNumberId" TEXT NOT NULL,
    "wabaId" TEXT,
    "displayPhoneNumber" TEXT NOT NULL,
    "verifiedName" TEXT,
    "status" TEXT,
    "qualityRating" TEXT,
    "nameStatus" TEXT,
    "isOnBizApp" BOOLEAN,
    "listed" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "SnapshotPhoneNumber_snapshotId_fkey" FOREIGN KEY ("snapshotId") REFERENCES "PluginConfigSnapshot" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_SnapshotPhoneNumber" ("createdAt", "displayPhoneNumber", "id", "isOnBizApp", "nameStatus", "phoneNumberId", "qualityRating", "snapshotId", "status", "updatedAt", "verifiedName", "wabaId") SELECT "createdAt", "displayPhoneNumber", "id", "isOnBizApp", "nameStatus", "phoneNumberId", "qualityRating", "snapshotId", "status", "updatedAt", "verifiedName", "wabaId" FROM "SnapshotPhoneNumber";
DROP TABLE "SnapshotPhoneNumber";
ALTER TABLE "new_SnapshotPhoneNumber" RENAME TO "SnapshotPhoneNumber";
CREATE INDEX "SnapshotPhoneNumber_snapshotId_idx" ON "SnapshotPhoneNumber"("snapshotId");
CREATE INDEX "SnapshotPhoneNumber_listed_displayPhoneNumber_id_idx" ON "SnapshotPhoneNumber"("listed", "displayPhoneNumber", "id");
CREATE INDEX "SnapshotPhoneNumber_listed_status_idx" ON "SnapshotPhoneNumber"("listed", "status");
CREATE INDEX "SnapshotPhoneNumber_status_idx" ON "SnapshotPhoneNumber"("status");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- The numbers the overview lists today: those of each client's latest snapshot, the client not archived.
UPDATE "SnapshotPhoneNumber" SET "listed" = true
WHERE "snapshotId" IN (
  SELECT s."id" FROM "PluginConfigSnapshot" s JOIN "Client" c ON c."id" = s."clientId"
  WHERE s."isLatest" = true AND c."archived" = false
);
