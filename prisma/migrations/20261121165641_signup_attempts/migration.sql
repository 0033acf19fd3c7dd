-- CreateTable
CREATE TABLE "SignupAttempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "linkId" TEXT NOT NULL,
    "pluginId" TEXT NOT NULL,
    "baselineWabaIds" TEXT,
    "baselineNumberIds" TEXT,
    "expiresAt" DATETIME NOT NULL,
    "lastSdkEventAt" DATETIME,
    "overdueNotifiedAt" DATETIME,
    "endedAt" DATETIME,
    "outcome" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "SignupAttempt_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "OnboardingLink" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "SignupAttempt_linkId_createdAt_idx" ON "SignupAttempt"("linkId", "createdAt");

