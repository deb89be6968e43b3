import { NextResponse } from 'next/server';
import type { SessionUser } from '@/lib/auth/session';
import { filePathSchema } from '@/lib/data/data-names';
import { deleteDataFile } from '@/lib/data/delete-data-file';
import { findOwnedCollection } from '@/lib/data/find-owned-collection';
import { MAX_FILE_BYTES } from '@/lib/data/file-size-limit';
import { putDataFile } from '@/lib/data/put-data-file';
import { readDataFile } from '@/lib/data/read-data-file';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { userRoute } from '@/lib/http/json-route';
import { readLimitedBody } from '@/lib/http/read-limited-body';

export const dynamic = 'force-dynamic';

type Params = { name: string; path: string[] };

// One file of the signed-in user's collection, for the collection page (session cookie):
// the same rules as the data API (/v1/data) — file names, the 16 MB limit, the quota.

async function ownedFile(user: SessionUser, { name, path }: Params) {
  const collection = await findOwnedCollection(db(), user.id, user.username, name);
  const file = filePathSchema.safeParse(path.join('/'));
  if (!file.success) {
    const message = file.error.issues[0]?.message ?? 'Not a file name';
    throw new AppError('BAD_REQUEST', `File name: ${message}`, { path: message });
  }
  return { collectionId: collection.id, path: file.data };
}

/** Downloads the file: an attachment, never rendered on our origin (it may be any content). */
export const GET = userRoute<Params>(async (_request, user, params) => {
  const { collectionId, path } = await ownedFile(user, params);
  const file = await readDataFile(db(), collectionId, path);
  return new NextResponse(Buffer.from(file.content), {
    headers: {
      'content-type': file.contentType,
      'content-length': String(file.size),
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(path.split('/').at(-1) ?? path)}`,
      'x-content-type-options': 'nosniff',
      'content-security-policy': 'sandbox',
      'cache-control': 'private, no-store',
    },
  });
});

/** Uploads (or replaces) the file: the body is its content, its Content-Type is kept. */
export const PUT = userRoute<Params>(async (request, user, params) => {
  const { collectionId, path } = await ownedFile(user, params);
  const content = await readLimitedBody(request, MAX_FILE_BYTES, 'The file');
  await putDataFile(db(), collectionId, path, content, request.headers.get('content-type'));
  return { file: { filename: path, size: content.length } };
});

export const DELETE = userRoute<Params>(async (_request, user, params) => {
  const { collectionId, path } = await ownedFile(user, params);
  await deleteDataFile(db(), collectionId, path);
  return { deleted: 1 };
});
