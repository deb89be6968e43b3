-- A connection's Recent messages page through its runs newest first. Without an index on
-- (eventFlowId, createdAt) each page sorted all of the flow's runs: 0.8-1.5 s for a flow
-- with a million, against under a millisecond with it (bench/list-pages.ts). Building it
-- on a million runs takes seconds, during which runs cannot be written.

-- CreateIndex
CREATE INDEX "AlgorithmRun_eventFlowId_createdAt_idx" ON "AlgorithmRun"("eventFlowId", "createdAt");
