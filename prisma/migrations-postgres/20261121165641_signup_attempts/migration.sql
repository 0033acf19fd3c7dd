-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "LinkEventType" ADD VALUE 'SDK_EVENT';
ALTER TYPE "LinkEventType" ADD VALUE 'UNCONFIRMED';

-- CreateTable
CREATE TABLE "SignupAttempt" (
    "id" TEXT NOT NULL,
    "linkId" TEXT NOT NULL,
    "pluginId" TEXT NOT NULL,
    "baselineWabaIds" TEXT,
    "baselineNumberIds" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "lastSdkEventAt" TIMESTAMP(3),
    "overdueNotifiedAt" TIMESTAMP(3),
    "endedAt" TIMESTAMP(3),
    "outcome" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SignupAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SignupAttempt_linkId_createdAt_idx" ON "SignupAttempt"("linkId", "createdAt");

-- AddForeignKey
ALTER TABLE "SignupAttempt" ADD CONSTRAINT "SignupAttempt_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "OnboardingLink"("id") ON DELETE CASCADE ON UPDATE CASCADE;

