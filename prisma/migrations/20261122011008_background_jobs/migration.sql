-- CreateTable
CREATE TABLE "RefreshJobClient" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "refreshJobId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "claimedAt" DATETIME,
    "outcome" TEXT,
    "message" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "RefreshJobClient_refreshJobId_fkey" FOREIGN KEY ("refreshJobId") REFERENCES "RefreshJob" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ChakraRateLimit" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "blockedUntil" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "RefreshJobClient_clientId_idx" ON "RefreshJobClient"("clientId");

-- CreateIndex
CREATE UNIQUE INDEX "RefreshJobClient_refreshJobId_clientId_key" ON "RefreshJobClient"("refreshJobId", "clientId");

