-- CreateTable
CREATE TABLE "ReplacedLinkToken" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "linkId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ReplacedLinkToken_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "OnboardingLink" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "ReplacedLinkToken_tokenHash_key" ON "ReplacedLinkToken"("tokenHash");

-- CreateIndex
CREATE INDEX "ReplacedLinkToken_linkId_idx" ON "ReplacedLinkToken"("linkId");

