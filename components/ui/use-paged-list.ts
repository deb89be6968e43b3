'use client';

import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { fetchJson } from '@/lib/http/fetch-json';
import type { PageInfo } from '@/lib/pagination/list-page';

interface PagedListOptions<P extends PageInfo> {
  queryKey: readonly unknown[];
  /** The list's API URL with its filters; the cursor is added for later pages. */
  url: string;
  /** The first page as the server rendered it, for these filters. */
  initialPage?: P;
  refreshMs: number;
}

/**
 * A paged list's pages: the first, then one more per "Load more". It refreshes only while
 * just the first page is shown: a refresh refetches every loaded page, and someone paging
 * through history is not watching for new rows.
 */
export function usePagedList<P extends PageInfo>({ queryKey, url, initialPage, refreshMs }: PagedListOptions<P>) {
  return useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) => fetchJson<P>(pageParam ? `${url}${url.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(pageParam)}` : url),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    initialData: initialPage ? { pages: [initialPage], pageParams: [null] } : undefined,
    placeholderData: keepPreviousData,
    refetchInterval: (query) => ((query.state.data?.pages.length ?? 0) > 1 ? false : refreshMs),
  });
}
