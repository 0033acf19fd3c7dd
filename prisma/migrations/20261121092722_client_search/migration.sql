-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Client" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "contactName" TEXT NOT NULL,
    "contactEmail" TEXT NOT NULL,
    "clientReferenceId" TEXT NOT NULL,
    "pluginId" TEXT,
    "pluginVerifiedAt" DATETIME,
    "pluginMappedAt" DATETIME,
    "pluginMappedById" TEXT,
    "notes" TEXT NOT NULL DEFAULT '',
    "onboardingStatus" TEXT NOT NULL DEFAULT 'NOT_INVITED',
    "searchText" TEXT NOT NULL DEFAULT '',
    "pluginMintStartedAt" DATETIME,
    "archived" BOOLEAN NOT NULL DEFAULT false,
    "archivedAt" DATETIME,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Client_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Client_pluginMappedById_fkey" FOREIGN KEY ("pluginMappedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Client" ("archived", "archivedAt", "clientReferenceId", "contactEmail", "contactName", "createdAt", "createdById", "id", "name", "notes", "onboardingStatus", "pluginId", "pluginMappedAt", "pluginMappedById", "pluginVerifiedAt", "updatedAt") SELECT "archived", "archivedAt", "clientReferenceId", "contactEmail", "contactName", "createdAt", "createdById", "id", "name", "notes", "onboardingStatus", "pluginId", "pluginMappedAt", "pluginMappedById", "pluginVerifiedAt", "updatedAt" FROM "Client";
DROP TABLE "Client";
ALTER TABLE "new_Client" RENAME TO "Client";
CREATE UNIQUE INDEX "Client_clientReferenceId_key" ON "Client"("clientReferenceId");
CREATE UNIQUE INDEX "Client_pluginId_key" ON "Client"("pluginId");
CREATE INDEX "Client_archived_onboardingStatus_idx" ON "Client"("archived", "onboardingStatus");
CREATE INDEX "Client_archived_name_idx" ON "Client"("archived", "name");
CREATE INDEX "Client_archived_createdAt_idx" ON "Client"("archived", "createdAt");
CREATE INDEX "Client_contactEmail_idx" ON "Client"("contactEmail");
CREATE INDEX "Client_createdById_idx" ON "Client"("createdById");
CREATE INDEX "Client_pluginMappedById_idx" ON "Client"("pluginMappedById");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

