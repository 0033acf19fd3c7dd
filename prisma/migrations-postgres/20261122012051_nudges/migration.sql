-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "LinkEventType" ADD VALUE 'REMINDED';
ALTER TYPE "LinkEventType" ADD VALUE 'HELP_REQUESTED';

-- AlterTable
ALTER TABLE "AgencySettings" ADD COLUMN     "nudgeExpiryWarning" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "nudgeUnfinishedDays" INTEGER,
ADD COLUMN     "nudgeUnopenedDays" INTEGER;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "weeklyDigest" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "OnboardingLink" ADD COLUMN     "tokenSealed" TEXT;

-- CreateTable
CREATE TABLE "LinkReminder" (
    "id" TEXT NOT NULL,
    "linkId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LinkReminder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MemberDigest" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "week" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MemberDigest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "LinkReminder_linkId_kind_key" ON "LinkReminder"("linkId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "MemberDigest_userId_week_key" ON "MemberDigest"("userId", "week");

-- AddForeignKey
ALTER TABLE "LinkReminder" ADD CONSTRAINT "LinkReminder_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "OnboardingLink"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MemberDigest" ADD CONSTRAINT "MemberDigest_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

