-- DropIndex
DROP INDEX "Client_archived_onboardingStatus_idx";

-- DropIndex
DROP INDEX "Client_archived_name_idx";

-- DropIndex
DROP INDEX "Client_archived_createdAt_idx";

-- DropIndex
DROP INDEX "SnapshotPhoneNumber_displayPhoneNumber_idx";

-- CreateIndex
CREATE INDEX "Client_archived_onboardingStatus_id_idx" ON "Client"("archived", "onboardingStatus", "id");

-- CreateIndex
CREATE INDEX "Client_archived_name_id_idx" ON "Client"("archived", "name", "id");

-- CreateIndex
CREATE INDEX "Client_archived_createdAt_id_idx" ON "Client"("archived", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Client_archived_updatedAt_id_idx" ON "Client"("archived", "updatedAt", "id");

-- CreateIndex
CREATE INDEX "SnapshotPhoneNumber_displayPhoneNumber_id_idx" ON "SnapshotPhoneNumber"("displayPhoneNumber", "id");

