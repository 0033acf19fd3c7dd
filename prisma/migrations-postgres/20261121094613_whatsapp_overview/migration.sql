-- CreateEnum
CREATE TYPE "JobStatus" AS ENUM ('RUNNING', 'DONE', 'FAILED');

-- AlterTable
ALTER TABLE "PluginConfigSnapshot" ADD COLUMN     "isLatest" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "RefreshJob" (
    "id" TEXT NOT NULL,
    "status" "JobStatus" NOT NULL DEFAULT 'RUNNING',
    "total" INTEGER NOT NULL,
    "done" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "startedById" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "heartbeatAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RefreshJob_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RefreshJob_startedAt_idx" ON "RefreshJob"("startedAt");

-- CreateIndex
CREATE INDEX "PluginConfigSnapshot_isLatest_clientId_idx" ON "PluginConfigSnapshot"("isLatest", "clientId");

