-- Flow control (bounded backlog, per-flow concurrency) and durable runs (retries,
-- executor leases, FIFO order, expiry). New enum values are not used in this transaction.
ALTER TYPE "EventFlowStatus" ADD VALUE 'WAITING';
ALTER TYPE "RunStatus" ADD VALUE 'DEAD';
ALTER TYPE "RunStatus" ADD VALUE 'EXPIRED';

ALTER TABLE "EventFlow" ADD COLUMN "maxConcurrency" INTEGER,
ADD COLUMN "maxAttempts" INTEGER;

ALTER TABLE "AlgorithmRun" ADD COLUMN "attempt" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "maxAttempts" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN "nextAttemptAt" TIMESTAMP(3),
ADD COLUMN "executorId" TEXT,
ADD COLUMN "attemptLog" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN "messageGroupId" TEXT,
ADD COLUMN "sequenceNumber" DECIMAL(40,0);

-- Runs that already started had their one attempt.
UPDATE "AlgorithmRun" SET "attempt" = 1 WHERE "status" <> 'QUEUED';

ALTER TABLE "PlatformSettings" ADD COLUMN "userQueueLimit" INTEGER NOT NULL DEFAULT 1000,
ADD COLUMN "platformQueueLimit" INTEGER NOT NULL DEFAULT 10000,
ADD COLUMN "defaultMaxAttempts" INTEGER NOT NULL DEFAULT 3,
ADD COLUMN "queuedRunExpiryHours" INTEGER NOT NULL DEFAULT 24;

-- CreateIndex
CREATE INDEX "AlgorithmRun_status_callerId_createdAt_idx" ON "AlgorithmRun"("status", "callerId", "createdAt");
CREATE INDEX "AlgorithmRun_status_eventFlowId_messageGroupId_sequenceNumber_idx" ON "AlgorithmRun"("status", "eventFlowId", "messageGroupId", "sequenceNumber");
CREATE INDEX "AlgorithmRun_eventFlowId_status_idx" ON "AlgorithmRun"("eventFlowId", "status");
CREATE INDEX "AlgorithmRun_finishedAt_idx" ON "AlgorithmRun"("finishedAt");
