-- CreateEnum
CREATE TYPE "AlertPreference" AS ENUM ('ALL', 'NONE', 'MINE');

-- CreateEnum
CREATE TYPE "RefreshKind" AS ENUM ('REFRESH_ALL', 'SWEEP');

-- CreateEnum
CREATE TYPE "AlertStatus" AS ENUM ('OPEN', 'CLEARED');

-- AlterTable
ALTER TABLE "AgencySettings" ADD COLUMN     "healthSweepMinutes" INTEGER;

-- AlterTable
ALTER TABLE "RefreshJob" ADD COLUMN     "alerts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "kind" "RefreshKind" NOT NULL DEFAULT 'REFRESH_ALL',
ADD COLUMN     "slot" TEXT;

-- CreateTable
CREATE TABLE "MemberPreference" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "alerts" "AlertPreference" NOT NULL DEFAULT 'ALL',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MemberPreference_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Alert" (
    "id" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "status" "AlertStatus" NOT NULL DEFAULT 'OPEN',
    "title" TEXT NOT NULL,
    "meaning" TEXT NOT NULL,
    "baseline" TEXT,
    "firstSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "clearedAt" TIMESTAMP(3),
    "emailedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Alert_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "MemberPreference_userId_key" ON "MemberPreference"("userId");

-- CreateIndex
CREATE INDEX "Alert_status_emailedAt_idx" ON "Alert"("status", "emailedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Alert_clientId_key_key" ON "Alert"("clientId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "RefreshJob_slot_key" ON "RefreshJob"("slot");

-- CreateIndex
CREATE INDEX "RefreshJob_kind_startedAt_idx" ON "RefreshJob"("kind", "startedAt");

-- AddForeignKey
ALTER TABLE "MemberPreference" ADD CONSTRAINT "MemberPreference_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client"("id") ON DELETE CASCADE ON UPDATE CASCADE;

