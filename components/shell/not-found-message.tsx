import Link from 'next/link';
import type { ReactNode } from 'react';

/**
 * What every 404 page shows: what is missing, why it may be, and where to go instead
 * (Home unless `action` says otherwise). Someone else's things read exactly like missing ones.
 */
export function NotFoundMessage({ title, children, action }: { title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <div className="mx-auto max-w-xl rounded-lg bg-white px-6 py-12 text-center shadow-sm ring-1 ring-slate-200">
      <p className="font-mono text-sm font-semibold text-brand-600">404</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
      <div className="mt-3 text-sm text-slate-600">{children}</div>
      <div className="mt-6 text-sm font-medium">
        {action ?? (
          <Link href="/" className="text-brand-700 hover:underline">
            Back to Home
          </Link>
        )}
      </div>
    </div>
  );
}
