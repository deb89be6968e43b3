import { NextResponse } from 'next/server';
import type { DeletedFileAnswer, FileListAnswer, StoredFileAnswer } from '@/lib/data/data-api-answers';
import { deleteDataFile } from '@/lib/data/delete-data-file';
import { dataUriOf } from '@/lib/data/data-uri';
import { listDataFiles } from '@/lib/data/list-data-files';
import { MAX_FILE_BYTES } from '@/lib/data/file-size-limit';
import { putDataFile } from '@/lib/data/put-data-file';
import { readDataFile } from '@/lib/data/read-data-file';
import { resolveDataRequest, type DataRequest } from '@/lib/data/resolve-data-request';
import { db } from '@/lib/db/client';
import { env } from '@/lib/env';
import { dataTokenKeyOf } from '@/lib/runs/run-context';
import { AppError } from '@/lib/errors';
import { errorResponse } from '@/lib/http/json-route';
import { readLimitedBody } from '@/lib/http/read-limited-body';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ path: string[] }> };

// The data API (docs/data-api.md): files of hosted collections, for API keys and for
// algorithms holding their run's data token.
function dataRoute(handler: (request: Request, target: DataRequest) => Promise<Response>) {
  return async (request: Request, context: Context): Promise<Response> => {
    try {
      const target = await resolveDataRequest(db(), request.headers.get('authorization'), (await context.params).path, dataTokenKeyOf(env()));
      return await handler(request, target);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

function requireFilePath(target: DataRequest): string {
  if (!target.location.path) throw new AppError('BAD_REQUEST', 'Name a file: /v1/data/{owner}/{collection}/{path}');
  return target.location.path;
}

export const GET = dataRoute(async (_request, target) => {
  if (!target.location.path) return NextResponse.json<FileListAnswer>({ files: await listDataFiles(db(), target.collectionId) });
  const file = await readDataFile(db(), target.collectionId, target.location.path);
  return new Response(Buffer.from(file.content), { headers: { 'content-type': file.contentType, 'content-length': String(file.size) } });
});

export const PUT = dataRoute(async (request, target) => {
  const content = await readLimitedBody(request, MAX_FILE_BYTES, 'The file');
  await putDataFile(db(), target.collectionId, requireFilePath(target), content, request.headers.get('content-type'));
  return NextResponse.json<StoredFileAnswer>({ result: dataUriOf(target.location) });
});

export const DELETE = dataRoute(async (_request, target) => {
  await deleteDataFile(db(), target.collectionId, requireFilePath(target));
  return NextResponse.json<DeletedFileAnswer>({ result: { deleted: 1 } });
});
