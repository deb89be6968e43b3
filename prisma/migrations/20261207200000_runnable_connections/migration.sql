-- Issue 26: one queue feeds one enabled connection, run counts per connection, and versions
-- that can be deleted without taking their finished runs with them.

-- Queue URLs are stored in one spelling per queue (lib/flows/parse-queue-url.ts): the legacy
-- <region>.queue.amazonaws.com and queue.amazonaws.com hosts and the FIPS host name the same
-- queue as sqs.<region>.amazonaws.com. A flow whose algorithm already has the queue under
-- the canonical spelling keeps its own (two rows of one algorithm cannot share a URL).
WITH canonical AS (
  SELECT f."id", f."algorithmId",
    regexp_replace(regexp_replace(regexp_replace(f."queueUrl",
      '^https://sqs-fips\.', 'https://sqs.'),
      '^https://([a-z]{2}(-[a-z]+)+-[0-9]{1,2})\.queue\.amazonaws\.com(\.cn)?/', 'https://sqs.\1.amazonaws.com\3/'),
      '^https://queue\.amazonaws\.com/', 'https://sqs.us-east-1.amazonaws.com/') AS "url"
  FROM "EventFlow" f
)
UPDATE "EventFlow" f SET "queueUrl" = c."url"
FROM canonical c
WHERE f."id" = c."id" AND f."queueUrl" <> c."url"
  AND NOT EXISTS (SELECT 1 FROM "EventFlow" o WHERE o."algorithmId" = c."algorithmId" AND o."queueUrl" = c."url");

-- Where several enabled flows share a queue (they split its messages between them), the
-- oldest keeps it and the others are paused: their owners resume one after pausing another.
UPDATE "EventFlow" f SET "enabled" = false, "status" = 'PAUSED', "lastError" = NULL
WHERE f."enabled" AND EXISTS (
  SELECT 1 FROM "EventFlow" o
  WHERE o."enabled" AND o."queueUrl" = f."queueUrl" AND (o."createdAt", o."id") < (f."createdAt", f."id"));

CREATE UNIQUE INDEX "EventFlow_queueUrl_enabled_key" ON "EventFlow"("queueUrl") WHERE "enabled";

-- Ended runs per flow, added to where outcomes are recorded; backfilled from the runs kept.
CREATE TABLE "FlowRunTotals" (
    "eventFlowId" TEXT NOT NULL,
    "succeeded" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "FlowRunTotals_pkey" PRIMARY KEY ("eventFlowId")
);
ALTER TABLE "FlowRunTotals" ADD CONSTRAINT "FlowRunTotals_eventFlowId_fkey" FOREIGN KEY ("eventFlowId") REFERENCES "EventFlow"("id") ON DELETE CASCADE ON UPDATE CASCADE;
INSERT INTO "FlowRunTotals" ("eventFlowId", "succeeded", "failed")
SELECT r."eventFlowId",
  count(*) FILTER (WHERE r."status" = 'SUCCEEDED')::int,
  count(*) FILTER (WHERE r."status" IN ('FAILED', 'TIMED_OUT'))::int
FROM "AlgorithmRun" r
WHERE r."eventFlowId" IS NOT NULL AND r."status" IN ('SUCCEEDED', 'FAILED', 'TIMED_OUT')
GROUP BY r."eventFlowId";

-- A deleted version leaves its finished runs: versionId becomes null and the run keeps the
-- version's string.
ALTER TABLE "AlgorithmRun" ADD COLUMN "deletedVersion" TEXT;
ALTER TABLE "AlgorithmRun" ALTER COLUMN "versionId" DROP NOT NULL;
ALTER TABLE "AlgorithmRun" DROP CONSTRAINT "AlgorithmRun_versionId_fkey";
ALTER TABLE "AlgorithmRun" ADD CONSTRAINT "AlgorithmRun_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "AlgorithmVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;
