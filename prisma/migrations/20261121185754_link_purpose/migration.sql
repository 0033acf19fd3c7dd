-- AlterTable
ALTER TABLE "SignupAttempt" ADD COLUMN "baselineConnectedIds" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_OnboardingLink" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "clientId" TEXT NOT NULL,
    "purpose" TEXT NOT NULL DEFAULT 'CONNECT',
    "tokenHash" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "revokedAt" DATETIME,
    "usedAt" DATETIME,
    "sentTo" TEXT,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "OnboardingLink_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OnboardingLink_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_OnboardingLink" ("clientId", "createdAt", "createdById", "expiresAt", "id", "revokedAt", "sentTo", "tokenHash", "updatedAt", "usedAt") SELECT "clientId", "createdAt", "createdById", "expiresAt", "id", "revokedAt", "sentTo", "tokenHash", "updatedAt", "usedAt" FROM "OnboardingLink";
DROP TABLE "OnboardingLink";
ALTER TABLE "new_OnboardingLink" RENAME TO "OnboardingLink";
CREATE UNIQUE INDEX "OnboardingLink_tokenHash_key" ON "OnboardingLink"("tokenHash");
CREATE INDEX "OnboardingLink_clientId_createdAt_idx" ON "OnboardingLink"("clientId", "createdAt");
CREATE INDEX "OnboardingLink_createdById_idx" ON "OnboardingLink"("createdById");
CREATE INDEX "OnboardingLink_expiresAt_idx" ON "OnboardingLink"("expiresAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

