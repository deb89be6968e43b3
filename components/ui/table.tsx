import type { HTMLAttributes, TdHTMLAttributes, ThHTMLAttributes } from 'react';
import { cn } from './cn';
import { SidewaysScroll } from './sideways-scroll';

/** A table in a card; wider than the page, it scrolls sideways inside the card, and says so. */
export function Table({ className, ...props }: HTMLAttributes<HTMLTableElement>) {
  return (
    <SidewaysScroll label={props['aria-label'] ?? 'Table'}>
      <table className={cn('min-w-full divide-y divide-slate-200 text-sm', className)} {...props} />
    </SidewaysScroll>
  );
}

export function Th({ className, ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return <th scope="col" className={cn('px-4 py-2.5 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase', className)} {...props} />;
}

export function Td({ className, ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={cn('px-4 py-3 align-top text-slate-700', className)} {...props} />;
}
