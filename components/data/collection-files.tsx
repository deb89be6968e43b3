'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useDeferredValue } from 'react';
import { formatBytes } from '@/components/format';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { Field } from '@/components/ui/field';
import { ListFooter } from '@/components/ui/list-footer';
import { Timestamp } from '@/components/ui/timestamp';
import { usePagedList } from '@/components/ui/use-paged-list';
import { useUrlParam } from '@/components/ui/use-url-param';
import type { FilePreview, FilePreviewPage } from '@/lib/data/list-file-previews';
import { fetchJson } from '@/lib/http/fetch-json';
import { fileUrl } from './file-url';
import { UploadFileForm } from './upload-file-form';

// Algorithms write files while the page is open: it looks again every 10 s.
const REFRESH_MS = 10_000;

/**
 * A collection's files, in name order, a page at a time, each with the start of its text;
 * searchable by name (kept in the URL as ?prefix=); upload, download and delete.
 */
export function CollectionFiles({
  collection,
  initialPage,
  initialPrefix,
  dataApiUrl,
}: {
  collection: string;
  /** The first page the server rendered, for `initialPrefix` (the URL's ?prefix=). */
  initialPage: FilePreviewPage;
  initialPrefix: string;
  dataApiUrl: string;
}) {
  const queryClient = useQueryClient();
  const [search, setSearch] = useUrlParam('prefix');
  const prefix = useDeferredValue(search);
  const queryKey = ['collection', collection, 'files'];
  const files = usePagedList<FilePreviewPage>({
    queryKey: [...queryKey, prefix],
    url: `/api/v1/collections/${encodeURIComponent(collection)}${prefix ? `?prefix=${encodeURIComponent(prefix)}` : ''}`,
    initialPage: prefix === initialPrefix ? initialPage : undefined,
    refreshMs: REFRESH_MS,
  });
  const changed = () => queryClient.invalidateQueries({ queryKey });
  const first = files.data?.pages[0];
  const rows = files.data?.pages.flatMap((page) => page.files) ?? [];
  return (
    <div className="space-y-4">
      <UploadFileForm collection={collection} onUploaded={changed} />
      <div className="w-full sm:w-80">
        <Field label="Search by file name" type="search" value={search} onChange={(event) => setSearch(event.target.value)} placeholder="e.g. reports/" spellCheck={false} />
      </div>
      {!first ? (
        <p role="status" className="text-sm text-slate-500">
          Loading files…
        </p>
      ) : rows.length === 0 ? (
        prefix ? (
          <EmptyState title="No file with that name">No file of this collection has a name starting with {prefix}.</EmptyState>
        ) : (
          <EmptyState title="No files yet">
            Upload one above, or let an algorithm write here through the data API, for example <code className="font-mono text-xs break-all">PUT {dataApiUrl}/&lt;file&gt;</code>.
          </EmptyState>
        )
      ) : (
        <>
          <ul className="space-y-4" aria-label="Files">
            {rows.map((file) => (
              <FileCard key={file.filename} collection={collection} file={file} onDeleted={changed} />
            ))}
          </ul>
          <ListFooter shown={rows.length} first={first} noun="file" hasMore={files.hasNextPage} loading={files.isFetchingNextPage} onLoadMore={() => files.fetchNextPage()} />
        </>
      )}
    </div>
  );
}

function FileCard({ collection, file, onDeleted }: { collection: string; file: FilePreview; onDeleted: () => void }) {
  return (
    <li>
      <Card className="overflow-hidden">
        <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-100 px-4 py-3">
          <div className="min-w-0">
            <h2 className="font-mono text-sm font-semibold break-all">{file.filename}</h2>
            <p className="text-xs text-slate-500">
              {formatBytes(file.size)} · {file.contentType} · updated <Timestamp iso={file.updatedAt} />
            </p>
          </div>
          <div className="flex gap-2">
            <a
              href={fileUrl(collection, file.filename)}
              download
              aria-label={`Download ${file.filename}`}
              className="inline-flex items-center rounded-md bg-white px-2.5 py-1.5 text-xs font-medium text-slate-800 shadow-sm ring-1 ring-slate-300 ring-inset hover:bg-slate-50"
            >
              Download
            </a>
            <ConfirmDialog
              trigger={
                <Button variant="ghost" size="sm" className="text-red-700 hover:bg-red-50" aria-label={`Delete ${file.filename}`}>
                  Delete
                </Button>
              }
              title={`Delete ${file.filename}?`}
              description={`It is removed from ${collection} for good; algorithms that read it will find nothing there.`}
              confirmLabel="Delete"
              pendingLabel="Deleting…"
              onConfirm={async () => {
                await fetchJson(fileUrl(collection, file.filename), { method: 'DELETE' });
                onDeleted();
              }}
            />
          </div>
        </div>
        {file.text === null ? (
          <p className="px-4 py-3 text-sm text-slate-600">Binary content: download it to look inside.</p>
        ) : (
          <pre className="max-h-96 overflow-auto bg-slate-50 px-4 py-3 font-mono text-xs whitespace-pre-wrap break-all text-slate-800">
            {file.text}
            {file.truncated ? '\n… (download it for the rest)' : ''}
          </pre>
        )}
      </Card>
    </li>
  );
}
