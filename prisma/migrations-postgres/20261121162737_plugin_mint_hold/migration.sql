-- AlterTable
ALTER TABLE "Client" ADD COLUMN     "pluginHoldAt" TIMESTAMP(3),
ADD COLUMN     "pluginHoldNotifiedAt" TIMESTAMP(3),
ADD COLUMN     "pluginHoldReason" TEXT,
ADD COLUMN     "pluginHoldReference" TEXT,
ADD COLUMN     "pluginMintHeartbeatAt" TIMESTAMP(3),
ADD COLUMN     "pluginMintOwner" TEXT,
ADD COLUMN     "pluginMintReference" TEXT,
ADD COLUMN     "pluginMintSentAt" TIMESTAMP(3);

