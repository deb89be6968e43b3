import type { ReactNode } from 'react';
import type { SessionUser } from '@/lib/auth/session';
import { env, isLocalSqs } from '@/lib/env';
import { AppShell } from './app-shell';

/** The app shell for a signed-in user, with the local-mode banner when the SQS endpoint is the emulator. */
export function SignedInShell({ user, children }: { user: SessionUser; children: ReactNode }) {
  const config = env();
  return (
    <AppShell user={user} localSqsEndpoint={isLocalSqs(config) ? config.AWS_ENDPOINT_URL_SQS : undefined}>
      {children}
    </AppShell>
  );
}
