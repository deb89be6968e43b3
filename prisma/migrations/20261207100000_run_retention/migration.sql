-- Run retention (lib/runs/run-retention.ts): the platform's "Keep finished runs for" and a
-- connection's own, in hours (null: the platform's, else RUN_RETENTION_DAYS).
ALTER TABLE "PlatformSettings" ADD COLUMN "runRetentionHours" INTEGER;
ALTER TABLE "EventFlow" ADD COLUMN "runRetentionHours" INTEGER;

-- The sweep's index: per connection, ended runs by when they ended. Partial, so a waiting or
-- running run adds nothing to it.
CREATE INDEX "AlgorithmRun_eventFlowId_finishedAt_idx" ON "AlgorithmRun"("eventFlowId", "finishedAt")
  WHERE "status" IN ('SUCCEEDED', 'FAILED', 'TIMED_OUT', 'DEAD', 'EXPIRED');

-- Messages whose run was deleted while SQS could still deliver them again.
CREATE TABLE "DeletedRunMessage" (
    "eventFlowId" TEXT NOT NULL,
    "sqsMessageId" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "status" "RunStatus" NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DeletedRunMessage_pkey" PRIMARY KEY ("eventFlowId","sqsMessageId")
);

CREATE INDEX "DeletedRunMessage_expiresAt_idx" ON "DeletedRunMessage" USING BRIN ("expiresAt");

ALTER TABLE "DeletedRunMessage" ADD CONSTRAINT "DeletedRunMessage_eventFlowId_fkey" FOREIGN KEY ("eventFlowId") REFERENCES "EventFlow"("id") ON DELETE CASCADE ON UPDATE CASCADE;
