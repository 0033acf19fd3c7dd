-- AlterTable
ALTER TABLE "Client" ADD COLUMN     "pluginMissingAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "PluginConfigSnapshot" ADD COLUMN     "rejectedReviewCount" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "SnapshotPhoneNumber" ADD COLUMN     "nameStatus" TEXT;

-- CreateIndex
CREATE INDEX "Client_pluginMissingAt_idx" ON "Client"("pluginMissingAt");


-- Backfill (written by hand): the clients' latest snapshots get the new columns from their raw
-- configuration, so the home page lists rejected reviews and declined names before the next refresh.
UPDATE "PluginConfigSnapshot" AS s SET "rejectedReviewCount" = (
    SELECT COUNT(*) FROM jsonb_array_elements(CASE WHEN jsonb_typeof(s."raw"->'whatsappBusinessAccounts') = 'array' THEN s."raw"->'whatsappBusinessAccounts' ELSE '[]'::jsonb END) AS w
    WHERE w->>'account_review_status' = 'REJECTED'
) WHERE s."isLatest" AND jsonb_typeof(s."raw"->'whatsappBusinessAccounts') = 'array';

UPDATE "SnapshotPhoneNumber" AS n SET "nameStatus" = p->>'name_status'
FROM "PluginConfigSnapshot" AS s, jsonb_array_elements(CASE WHEN jsonb_typeof(s."raw"->'whatsappPhoneNumbers') = 'array' THEN s."raw"->'whatsappPhoneNumbers' ELSE '[]'::jsonb END) AS p
WHERE s."id" = n."snapshotId" AND s."isLatest" AND jsonb_typeof(s."raw"->'whatsappPhoneNumbers') = 'array'
  AND p->>'id' = n."phoneNumberId";
