import { authenticateApiKey } from '@/lib/api-keys/authenticate-api-key';
import type { Db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { DATA_TOKEN_PREFIX, verifyDataToken } from './data-token';

/** The user the data API acts for: an API key's owner, or the owner a run's data token is scoped to. */
export async function authenticateDataCaller(db: Db, authorization: string | null, dataTokenKey: string | undefined): Promise<string> {
  const bearer = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  if (!bearer?.startsWith(DATA_TOKEN_PREFIX)) return (await authenticateApiKey(db, authorization)).id;
  const ownerId = dataTokenKey ? verifyDataToken(dataTokenKey, bearer) : null;
  if (!ownerId) throw new AppError('UNAUTHENTICATED', 'The data token is invalid or has expired');
  return ownerId;
}
