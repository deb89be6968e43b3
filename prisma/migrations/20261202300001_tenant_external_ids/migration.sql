-- Tenancy (issue 14): every user gets an external ID that the platform generates and sends
-- on every AssumeRole for the user's flows. Existing users are backfilled here; new ones
-- get theirs from the column default.
ALTER TABLE "User" ADD COLUMN "externalId" TEXT NOT NULL DEFAULT ('ef-' || replace(gen_random_uuid()::text, '-', ''));
CREATE UNIQUE INDEX "User_externalId_key" ON "User"("externalId");

-- A flow's own external ID was chosen by its user: kept only for flows made before the
-- platform chose them, until the role trusts the owner's ID (then it is cleared).
ALTER TABLE "EventFlow" RENAME COLUMN "externalId" TO "legacyExternalId";
-- When the platform last saw the role refuse AssumeRole without the owner's external ID
-- (null: never checked, e.g. flows made before this change; they show a warning).
ALTER TABLE "EventFlow" ADD COLUMN "trustCheckedAt" TIMESTAMP(3);
