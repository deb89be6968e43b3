import { defineConfig } from 'prisma/config';

// DATABASE_URL is only needed by Prisma's migrate/db commands, which run where the
// schema engine can be downloaded; `npm start` and the tests migrate on their own.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? '' },
});
