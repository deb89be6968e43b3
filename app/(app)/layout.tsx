import type { ReactNode } from 'react';
import { AppShell } from '@/components/shell/app-shell';
import { requireSessionUser } from '@/lib/auth/session';
import { env, isLocalSqs } from '@/lib/env';

export const dynamic = 'force-dynamic';

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const user = await requireSessionUser();
  const config = env();
  return (
    <AppShell user={user} localSqsEndpoint={isLocalSqs(config) ? config.AWS_ENDPOINT_URL_SQS : undefined}>
      {children}
    </AppShell>
  );
}
