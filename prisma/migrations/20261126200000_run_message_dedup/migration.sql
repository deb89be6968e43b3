-- CreateIndex
CREATE UNIQUE INDEX "AlgorithmRun_eventFlowId_sqsMessageId_key" ON "AlgorithmRun"("eventFlowId", "sqsMessageId");
