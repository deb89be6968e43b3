'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

/** A link `levels` path segments up from this page (a not-found page gets no params to build one from). */
export function UpLink({ levels = 1, children }: { levels?: number; children: string }) {
  const segments = usePathname().split('/').filter(Boolean);
  return (
    <Link href={`/${segments.slice(0, Math.max(0, segments.length - levels)).join('/')}`} className="text-brand-700 hover:underline">
      {children}
    </Link>
  );
}
