import { notFound } from 'next/navigation';
import { AppError } from '@/lib/errors';

/** For pages: a NOT_FOUND AppError becomes Next's 404 page. */
export async function orNotFound<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
}
