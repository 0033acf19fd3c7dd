-- CreateTable
CREATE TABLE "RefreshJobClient" (
    "id" TEXT NOT NULL,
    "refreshJobId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "claimedAt" TIMESTAMP(3),
    "outcome" "JobStatus",
    "message" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RefreshJobClient_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChakraRateLimit" (
    "id" TEXT NOT NULL,
    "blockedUntil" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ChakraRateLimit_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RefreshJobClient_clientId_idx" ON "RefreshJobClient"("clientId");

-- CreateIndex
CREATE UNIQUE INDEX "RefreshJobClient_refreshJobId_clientId_key" ON "RefreshJobClient"("refreshJobId", "clientId");

-- AddForeignKey
ALTER TABLE "RefreshJobClient" ADD CONSTRAINT "RefreshJobClient_refreshJobId_fkey" FOREIGN KEY ("refreshJobId") REFERENCES "RefreshJob"("id") ON DELETE CASCADE ON UPDATE CASCADE;

