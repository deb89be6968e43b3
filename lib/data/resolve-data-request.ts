import type { Db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { authenticateDataCaller } from './authenticate-data-caller';
import { parseDataPath, type DataLocation } from './data-uri';
import { findOwnedCollection } from './find-owned-collection';

export interface DataRequest {
  collectionId: string;
  location: DataLocation;
}

/** For /v1/data/{owner}/{collection}[/{path}]: who asks, where, and that it is theirs. */
export async function resolveDataRequest(db: Db, authorization: string | null, segments: string[], dataTokenKey: string | undefined): Promise<DataRequest> {
  const callerId = await authenticateDataCaller(db, authorization, dataTokenKey);
  const parsed = parseDataPath(segments.join('/'));
  if (!parsed.ok) throw new AppError('BAD_REQUEST', parsed.error);
  const collection = await findOwnedCollection(db, callerId, parsed.location.owner, parsed.location.collection);
  return { collectionId: collection.id, location: parsed.location };
}
