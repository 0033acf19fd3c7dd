-- AlterTable
ALTER TABLE "OnboardingLink" ADD COLUMN "tokenSealed" TEXT;

-- CreateTable
CREATE TABLE "LinkReminder" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "linkId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "LinkReminder_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "OnboardingLink" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MemberDigest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "week" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "MemberDigest_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_AgencySettings" (
    "id" TEXT NOT NULL PRIMARY KEY DEFAULT 'agency',
    "name" TEXT NOT NULL,
    "logoUrl" TEXT,
    "brandColor" TEXT NOT NULL DEFAULT '#0f766e',
    "defaultLanguage" TEXT,
    "nudgeUnopenedDays" INTEGER,
    "nudgeUnfinishedDays" INTEGER,
    "nudgeExpiryWarning" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_AgencySettings" ("brandColor", "createdAt", "defaultLanguage", "id", "logoUrl", "name", "updatedAt") SELECT "brandColor", "createdAt", "defaultLanguage", "id", "logoUrl", "name", "updatedAt" FROM "AgencySettings";
DROP TABLE "AgencySettings";
ALTER TABLE "new_AgencySettings" RENAME TO "AgencySettings";
CREATE TABLE "new_User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT,
    "email" TEXT NOT NULL,
    "emailVerified" DATETIME,
    "image" TEXT,
    "role" TEXT NOT NULL DEFAULT 'VIEWER',
    "removedAt" DATETIME,
    "lastSignInAt" DATETIME,
    "weeklyDigest" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_User" ("createdAt", "email", "emailVerified", "id", "image", "lastSignInAt", "name", "removedAt", "role", "updatedAt") SELECT "createdAt", "email", "emailVerified", "id", "image", "lastSignInAt", "name", "removedAt", "role", "updatedAt" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "LinkReminder_linkId_kind_key" ON "LinkReminder"("linkId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "MemberDigest_userId_week_key" ON "MemberDigest"("userId", "week");

