-- When a run last entered the queue (its admission, or a replay): the queued-run expiry counts from it.
ALTER TABLE "AlgorithmRun" ADD COLUMN "queuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
UPDATE "AlgorithmRun" SET "queuedAt" = "createdAt";

-- CreateIndex
CREATE INDEX "AlgorithmRun_status_queuedAt_idx" ON "AlgorithmRun"("status", "queuedAt");
