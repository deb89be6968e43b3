import type { Db } from '@/lib/db/client';
import { isUniqueViolation } from '@/lib/db/is-unique-violation';
import { AppError } from '@/lib/errors';
import { parseInput } from '@/lib/validation/parse-input';
import { createAlgorithmInput } from './algorithm-input';

export async function createAlgorithm(db: Db, ownerId: string, input: unknown) {
  const { name, description } = parseInput(createAlgorithmInput, input);
  try {
    return await db.algorithm.create({ data: { ownerId, name, description } });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError('CONFLICT', `You already have an algorithm named ${name}`, { name: `You already have an algorithm named ${name}` });
    }
    throw error;
  }
}
