import type { ReactNode } from 'react';
import { SignedInShell } from '@/components/shell/signed-in-shell';
import { requireSessionUser } from '@/lib/auth/session';

export const dynamic = 'force-dynamic';

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  return <SignedInShell user={await requireSessionUser()}>{children}</SignedInShell>;
}
