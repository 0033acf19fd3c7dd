-- CreateTable
CREATE TABLE "RefreshJob" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "status" TEXT NOT NULL DEFAULT 'RUNNING',
    "total" INTEGER NOT NULL,
    "done" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "startedById" TEXT,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME,
    "heartbeatAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

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
    "isLatest" BOOLEAN NOT NULL DEFAULT false,
    "fetchedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PluginConfigSnapshot_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_PluginConfigSnapshot" ("clientId", "connectedPhoneCount", "createdAt", "fetchedAt", "id", "needsAttention", "phoneCount", "pluginId", "raw", "updatedAt", "wabaCount") SELECT "clientId", "connectedPhoneCount", "createdAt", "fetchedAt", "id", "needsAttention", "phoneCount", "pluginId", "raw", "updatedAt", "wabaCount" FROM "PluginConfigSnapshot";
DROP TABLE "PluginConfigSnapshot";
ALTER TABLE "new_PluginConfigSnapshot" RENAME TO "PluginConfigSnapshot";
CREATE INDEX "PluginConfigSnapshot_clientId_fetchedAt_idx" ON "PluginConfigSnapshot"("clientId", "fetchedAt");
CREATE INDEX "PluginConfigSnapshot_pluginId_fetchedAt_idx" ON "PluginConfigSnapshot"("pluginId", "fetchedAt");
CREATE INDEX "PluginConfigSnapshot_isLatest_clientId_idx" ON "PluginConfigSnapshot"("isLatest", "clientId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "RefreshJob_startedAt_idx" ON "RefreshJob"("startedAt");

