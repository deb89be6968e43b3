'use client';

import Link, { useLinkStatus } from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from './cn';

export interface TabLink {
  href: string;
  label: string;
}

/**
 * Tabs that are links (one URL per tab); the first tab is active only on its exact URL. A
 * tab being loaded pulses, so a slow tab still answers the click at once.
 */
export function TabsNav({ label, tabs }: { label: string; tabs: TabLink[] }) {
  const pathname = usePathname();
  return (
    <div className="border-b border-slate-200">
      <nav aria-label={label} className="-mb-px flex gap-1 overflow-x-auto">
        {tabs.map((tab, index) => {
          const active = index === 0 ? pathname === tab.href : pathname === tab.href || pathname.startsWith(`${tab.href}/`);
          return (
            <Link
              key={tab.href}
              href={tab.href}
              aria-current={active ? 'page' : undefined}
              className={cn(
                'shrink-0 border-b-2 px-3 py-2.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-brand-500',
                active ? 'border-brand-600 text-brand-700' : 'border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900',
              )}
            >
              <TabLabel label={tab.label} />
            </Link>
          );
        })}
      </nav>
    </div>
  );
}

function TabLabel({ label }: { label: string }) {
  const { pending } = useLinkStatus();
  return <span className={pending ? 'animate-pulse' : undefined}>{label}</span>;
}
