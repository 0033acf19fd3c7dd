-- AlterTable
ALTER TABLE "Client" ADD COLUMN "pluginHoldAt" DATETIME;
ALTER TABLE "Client" ADD COLUMN "pluginHoldNotifiedAt" DATETIME;
ALTER TABLE "Client" ADD COLUMN "pluginHoldReason" TEXT;
ALTER TABLE "Client" ADD COLUMN "pluginHoldReference" TEXT;
ALTER TABLE "Client" ADD COLUMN "pluginMintHeartbeatAt" DATETIME;
ALTER TABLE "Client" ADD COLUMN "pluginMintOwner" TEXT;
ALTER TABLE "Client" ADD COLUMN "pluginMintReference" TEXT;
ALTER TABLE "Client" ADD COLUMN "pluginMintSentAt" DATETIME;

