-- better-auth's rate limits, shared by every web process (its `storage: 'database'`).
CREATE TABLE "RateLimit" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "lastRequest" BIGINT NOT NULL,

    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "RateLimit_key_key" ON "RateLimit"("key");

-- The per-user collection limit (admin setting); null until an admin saves it.
ALTER TABLE "PlatformSettings" ADD COLUMN "userCollectionLimit" INTEGER;
