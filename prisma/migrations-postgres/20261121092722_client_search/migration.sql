-- AlterTable
ALTER TABLE "Client" ADD COLUMN     "pluginMintStartedAt" TIMESTAMP(3),
ADD COLUMN     "searchText" TEXT NOT NULL DEFAULT '';

