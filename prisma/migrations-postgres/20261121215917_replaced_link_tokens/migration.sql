-- CreateTable
CREATE TABLE "ReplacedLinkToken" (
    "id" TEXT NOT NULL,
    "linkId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReplacedLinkToken_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ReplacedLinkToken_tokenHash_key" ON "ReplacedLinkToken"("tokenHash");

-- CreateIndex
CREATE INDEX "ReplacedLinkToken_linkId_idx" ON "ReplacedLinkToken"("linkId");

-- AddForeignKey
ALTER TABLE "ReplacedLinkToken" ADD CONSTRAINT "ReplacedLinkToken_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "OnboardingLink"("id") ON DELETE CASCADE ON UPDATE CASCADE;

