-- CreateEnum
CREATE TYPE "LinkPurpose" AS ENUM ('CONNECT', 'RECONNECT', 'CHANGE_NUMBER');

-- AlterTable
ALTER TABLE "OnboardingLink" ADD COLUMN     "purpose" "LinkPurpose" NOT NULL DEFAULT 'CONNECT';

-- AlterTable
ALTER TABLE "SignupAttempt" ADD COLUMN     "baselineConnectedIds" TEXT;

