-- Issue 28: destinations. A flow may send each run's result to an SQS queue (on success)
-- and its failures to another (on failure), through an outbox written with the outcome.

CREATE TYPE "DestinationBody" AS ENUM ('OUTPUT', 'ENVELOPE');
CREATE TYPE "DestinationKind" AS ENUM ('SUCCESS', 'FAILURE');
CREATE TYPE "DestinationStatus" AS ENUM ('PENDING', 'SENT', 'FAILED');

ALTER TABLE "EventFlow"
  ADD COLUMN "onSuccessQueueUrl" TEXT,
  ADD COLUMN "onFailureQueueUrl" TEXT,
  ADD COLUMN "destinationBody" "DestinationBody" NOT NULL DEFAULT 'OUTPUT';

ALTER TABLE "FlowMetricMinute"
  ADD COLUMN "destinationsSent" INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN "destinationsFailed" INTEGER NOT NULL DEFAULT 0;

CREATE TABLE "DestinationMessage" (
    "runId" TEXT NOT NULL,
    "eventFlowId" TEXT NOT NULL,
    "kind" "DestinationKind" NOT NULL,
    "queueUrl" TEXT NOT NULL,
    "body" TEXT,
    "messageGroupId" TEXT,
    "deduplicationId" TEXT,
    "sequenceNumber" DECIMAL(40,0),
    "status" "DestinationStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentMessageId" TEXT,
    "sentAt" TIMESTAMP(3),
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DestinationMessage_pkey" PRIMARY KEY ("runId")
);

CREATE INDEX "DestinationMessage_pending_idx" ON "DestinationMessage"("nextAttemptAt") WHERE "status" = 'PENDING';
CREATE INDEX "DestinationMessage_pending_group_idx" ON "DestinationMessage"("queueUrl", "messageGroupId", "createdAt") WHERE "status" = 'PENDING' AND "messageGroupId" IS NOT NULL;
CREATE INDEX "DestinationMessage_eventFlowId_idx" ON "DestinationMessage"("eventFlowId");

ALTER TABLE "DestinationMessage" ADD CONSTRAINT "DestinationMessage_runId_fkey" FOREIGN KEY ("runId") REFERENCES "AlgorithmRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "DestinationMessage" ADD CONSTRAINT "DestinationMessage_eventFlowId_fkey" FOREIGN KEY ("eventFlowId") REFERENCES "EventFlow"("id") ON DELETE CASCADE ON UPDATE CASCADE;
