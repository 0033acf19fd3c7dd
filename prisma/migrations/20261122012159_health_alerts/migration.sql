-- AlterTable
ALTER TABLE "AgencySettings" ADD COLUMN "healthSweepMinutes" INTEGER;

-- CreateTable
CREATE TABLE "MemberPreference" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "alerts" TEXT NOT NULL DEFAULT 'ALL',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "MemberPreference_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Alert" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "clientId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "title" TEXT NOT NULL,
    "meaning" TEXT NOT NULL,
    "baseline" TEXT,
    "firstSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "clearedAt" DATETIME,
    "emailedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Alert_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_RefreshJob" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL DEFAULT 'REFRESH_ALL',
    "slot" TEXT,
    "alerts" INTEGER NOT NULL DEFAULT 0,
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
INSERT INTO "new_RefreshJob" ("createdAt", "done", "failed", "finishedAt", "heartbeatAt", "id", "lastError", "startedAt", "startedById", "status", "total", "updatedAt") SELECT "createdAt", "done", "failed", "finishedAt", "heartbeatAt", "id", "lastError", "startedAt", "startedById", "status", "total", "updatedAt" FROM "RefreshJob";
DROP TABLE "RefreshJob";
ALTER TABLE "new_RefreshJob" RENAME TO "RefreshJob";
CREATE UNIQUE INDEX "RefreshJob_slot_key" ON "RefreshJob"("slot");
CREATE INDEX "RefreshJob_startedAt_idx" ON "RefreshJob"("startedAt");
CREATE INDEX "RefreshJob_kind_startedAt_idx" ON "RefreshJob"("kind", "startedAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "MemberPreference_userId_key" ON "MemberPreference"("userId");

-- CreateIndex
CREATE INDEX "Alert_status_emailedAt_idx" ON "Alert"("status", "emailedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Alert_clientId_key_key" ON "Alert"("clientId", "key");

