-- Rate limits every web process shares (rate-limiter-flexible's PostgreSQL store).
CREATE TABLE "RateLimiterPoints" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "RateLimiterPoints_pkey" PRIMARY KEY ("key")
);
