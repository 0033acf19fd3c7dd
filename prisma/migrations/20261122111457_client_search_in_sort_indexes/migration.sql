-- DropIndex
DROP INDEX "Client_archived_onboardingStatus_id_idx";

-- DropIndex
DROP INDEX "Client_archived_name_id_idx";

-- DropIndex
DROP INDEX "Client_archived_createdAt_id_idx";

-- DropIndex
DROP INDEX "Client_archived_updatedAt_id_idx";

-- DropIndex
DROP INDEX "Client_archived_onboardingStatus_searchText_idx";

-- CreateIndex
CREATE INDEX "Client_archived_onboardingStatus_id_searchText_idx" ON "Client"("archived", "onboardingStatus", "id", "searchText");

-- CreateIndex
CREATE INDEX "Client_archived_name_id_searchText_idx" ON "Client"("archived", "name", "id", "searchText");

-- CreateIndex
CREATE INDEX "Client_archived_createdAt_id_searchText_idx" ON "Client"("archived", "createdAt", "id", "searchText");

-- CreateIndex
CREATE INDEX "Client_archived_updatedAt_id_searchText_idx" ON "Client"("archived", "updatedAt", "id", "searchText");

