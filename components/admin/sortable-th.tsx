'use client';

import { Th } from '@/components/ui/table';
import type { QueueSort, QueueSortKey } from '@/lib/admin/sort-queue-rows';

interface SortableThProps {
  label: string;
  sortKey: QueueSortKey;
  sort: QueueSort;
  onSort: (sort: QueueSort) => void;
  numeric?: boolean;
}

/** A column header that sorts the table by its column; a second click reverses the order. */
export function SortableTh({ label, sortKey, sort, onSort, numeric }: SortableThProps) {
  const active = sort.key === sortKey;
  // Counts start with the largest, names with A.
  const next: QueueSort = active
    ? { key: sortKey, direction: sort.direction === 'asc' ? 'desc' : 'asc' }
    : { key: sortKey, direction: numeric ? 'desc' : 'asc' };
  return (
    <Th aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'} className={numeric ? 'px-2 text-right' : undefined}>
      <button type="button" onClick={() => onSort(next)} className="inline-flex items-center gap-1 text-left uppercase hover:text-slate-900">
        {label}
        <span aria-hidden className="text-slate-400">
          {active ? (sort.direction === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </Th>
  );
}
