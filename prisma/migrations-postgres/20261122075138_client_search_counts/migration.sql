-- CreateIndex
CREATE INDEX "Client_archived_onboardingStatus_searchText_idx" ON "Client"("archived", "onboardingStatus", "searchText");

