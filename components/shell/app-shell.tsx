import Link from 'next/link';
import type { ReactNode } from 'react';
import { Logo } from '@/components/logo';
import type { SessionUser } from '@/lib/auth/session';
import { NavLink } from './nav-link';
import { SignOutButton } from './sign-out-button';

export function AppShell({ user, localSqsEndpoint, children }: { user: SessionUser; localSqsEndpoint?: string; children: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col md:flex-row">
      <aside className="flex shrink-0 flex-col gap-6 border-b border-slate-200 bg-white px-4 py-5 md:w-60 md:border-r md:border-b-0">
        <Link href="/">
          <Logo />
        </Link>
        <nav aria-label="Main" className="flex flex-wrap gap-1 md:flex-col">
          <NavLink href="/">Home</NavLink>
          <NavLink href="/aws-setup">AWS setup</NavLink>
          <NavLink href="/data">Data Sources</NavLink>
          <NavLink href="/settings/api-keys">API keys</NavLink>
          {user.isAdmin ? <NavLink href="/admin">Admin</NavLink> : null}
        </nav>
        <div className="mt-auto hidden space-y-2 text-sm md:block">
          <p className="truncate font-medium" title={user.email}>
            {user.username}
          </p>
          <SignOutButton />
        </div>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        {localSqsEndpoint ? (
          <div className="border-b border-amber-200 bg-amber-50 px-6 py-2 text-xs text-amber-900">
            Local mode: queues live in the SQS emulator at <code className="font-mono">{localSqsEndpoint}</code>; connections use local
            credentials, not AssumeRole.
          </div>
        ) : null}
        <main className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 md:px-8">{children}</main>
        <div className="border-t border-slate-200 px-4 py-3 md:hidden">
          <SignOutButton />
        </div>
      </div>
    </div>
  );
}
