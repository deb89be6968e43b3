-- The connection page: message filters, edits, the filtered counter and per-minute rollups.
ALTER TABLE "EventFlow" ADD COLUMN "filters" JSONB,
ADD COLUMN "editedAt" TIMESTAMP(3),
ADD COLUMN "editedBy" TEXT,
ADD COLUMN "filteredCount" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "FlowMetricMinute" (
    "eventFlowId" TEXT NOT NULL,
    "minute" TIMESTAMP(3) NOT NULL,
    "received" INTEGER NOT NULL DEFAULT 0,
    "accepted" INTEGER NOT NULL DEFAULT 0,
    "requeued" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "filtered" INTEGER NOT NULL DEFAULT 0,
    "runsSucceeded" INTEGER NOT NULL DEFAULT 0,
    "runsFailed" INTEGER NOT NULL DEFAULT 0,
    "runsDead" INTEGER NOT NULL DEFAULT 0,
    "durationBuckets" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "queueBacklog" INTEGER,
    "dlqDepth" INTEGER,

    CONSTRAINT "FlowMetricMinute_pkey" PRIMARY KEY ("eventFlowId","minute")
);

-- CreateIndex
CREATE INDEX "FlowMetricMinute_minute_idx" ON "FlowMetricMinute"("minute");

-- AddForeignKey
ALTER TABLE "FlowMetricMinute" ADD CONSTRAINT "FlowMetricMinute_eventFlowId_fkey" FOREIGN KEY ("eventFlowId") REFERENCES "EventFlow"("id") ON DELETE CASCADE ON UPDATE CASCADE;
