-- Every change of a run's status writes a new row version, with an entry in each index whose
-- predicate it meets. The indexes the claim, the admissions and the expiry read now hold only
-- waiting or running runs, so a finished run adds nothing to them; (status, createdAt) had no
-- reader left.

-- DropIndex
DROP INDEX "AlgorithmRun_status_createdAt_idx";
DROP INDEX "AlgorithmRun_status_queuedAt_idx";
DROP INDEX "AlgorithmRun_status_callerId_createdAt_idx";
DROP INDEX "AlgorithmRun_status_eventFlowId_messageGroupId_sequenceNumber_idx";

-- CreateIndex
CREATE INDEX "AlgorithmRun_status_queuedAt_idx" ON "AlgorithmRun"("status", "queuedAt") WHERE "status" = 'QUEUED';
CREATE INDEX "AlgorithmRun_status_callerId_createdAt_idx" ON "AlgorithmRun"("status", "callerId", "createdAt") WHERE "status" IN ('QUEUED', 'RUNNING');
CREATE INDEX "AlgorithmRun_status_eventFlowId_messageGroupId_sequenceNumber_idx" ON "AlgorithmRun"("status", "eventFlowId", "messageGroupId", "sequenceNumber") WHERE "status" IN ('QUEUED', 'RUNNING') AND "messageGroupId" IS NOT NULL;
