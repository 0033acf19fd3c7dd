-- AlterTable
ALTER TABLE "AgencySettings" ADD COLUMN "defaultLanguage" TEXT;

-- AlterTable
ALTER TABLE "Client" ADD COLUMN "language" TEXT;

