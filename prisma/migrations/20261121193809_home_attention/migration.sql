-- AlterTable
ALTER TABLE "Client" ADD COLUMN "pluginMissingAt" DATETIME;

-- AlterTable
ALTER TABLE "SnapshotPhoneNumber" ADD COLUMN "nameStatus" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_PluginConfigSnapshot" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "clientId" TEXT,
    "pluginId" TEXT NOT NULL,
    "raw" JSONB NOT NULL,
    "wabaCount" INTEGER NOT NULL,
    "phoneCount" INTEGER NOT NULL,
    "connectedPhoneCount" INTEGER NOT NULL,
    "needsAttention" BOOLEAN NOT NULL,
    "rejectedReviewCount" INTEGER NOT NULL DEFAULT 0,
    "isLatest" BOOLEAN NOT NULL DEFAULT false,
    "fetchedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PluginConfigSnapshot_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_PluginConfigSnapshot" ("clientId", "connectedPhoneCount", "createdAt", "fetchedAt", "id", "isLatest", "needsAttention", "phoneCount", "pluginId", "raw", "updatedAt", "wabaCount") SELECT "clientId", "connectedPhoneCount", "createdAt", "fetchedAt", "id", "isLatest", "needsAttention", "phoneCount", "pluginId", "raw", "updatedAt", "wabaCount" FROM "PluginConfigSnapshot";
DROP TABLE "PluginConfigSnapshot";
ALTER TABLE "new_PluginConfigSnapshot" RENAME TO "PluginConfigSnapshot";
CREATE INDEX "PluginConfigSnapshot_clientId_fetchedAt_idx" ON "PluginConfigSnapshot"("clientId", "fetchedAt");
CREATE INDEX "PluginConfigSnapshot_pluginId_fetchedAt_idx" ON "PluginConfigSnapshot"("pluginId", "fetchedAt");
CREATE INDEX "PluginConfigSnapshot_isLatest_clientId_idx" ON "PluginConfigSnapshot"("isLatest", "clientId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Client_pluginMissingAt_idx" ON "Client"("pluginMissingAt");


-- Backfill (written by hand): the clients' latest snapshots get the new columns from their raw
-- configuration, so the home page lists rejected reviews and declined names before the next refresh.
UPDATE "PluginConfigSnapshot" SET "rejectedReviewCount" = (
    SELECT COUNT(*) FROM json_each("PluginConfigSnapshot"."raw", '$.whatsappBusinessAccounts') AS w
    WHERE json_extract(w.value, '$.account_review_status') = 'REJECTED'
) WHERE "isLatest" = 1 AND json_valid("raw") AND json_type("raw", '$.whatsappBusinessAccounts') = 'array';

UPDATE "SnapshotPhoneNumber" SET "nameStatus" = (
    SELECT json_extract(p.value, '$.name_status')
    FROM "PluginConfigSnapshot" AS s, json_each(s."raw", '$.whatsappPhoneNumbers') AS p
    WHERE s."id" = "SnapshotPhoneNumber"."snapshotId" AND json_extract(p.value, '$.id') = "SnapshotPhoneNumber"."phoneNumberId"
    LIMIT 1
) WHERE "snapshotId" IN (
    SELECT "id" FROM "PluginConfigSnapshot"
    WHERE "isLatest" = 1 AND json_valid("raw") AND json_type("raw", '$.whatsappPhoneNumbers') = 'array'
);
