import { formatTotal } from '@/components/format';
import type { PageInfo } from '@/lib/pagination/list-page';
import { Button } from './button';

/** Under a paged list: how many rows it shows of how many, and "Load more" while there are more. */
export function ListFooter({
  shown,
  first,
  noun,
  plural,
  hasMore,
  loading,
  onLoadMore,
}: {
  shown: number;
  /** The first page: its total counts the whole list. */
  first: PageInfo;
  noun: string;
  plural?: string;
  hasMore: boolean;
  loading: boolean;
  onLoadMore: () => void;
}) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600">
      <p role="status">
        Showing {shown.toLocaleString('en')} of {formatTotal(first.total, first.totalIsExact, noun, plural)}
      </p>
      {hasMore ? (
        <Button variant="secondary" size="sm" onClick={onLoadMore} disabled={loading}>
          {loading ? 'Loading…' : 'Load more'}
        </Button>
      ) : null}
    </div>
  );
}
