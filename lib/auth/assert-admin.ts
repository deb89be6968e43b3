import { AppError } from '@/lib/errors';
import type { SessionUser } from './session';

/** Admin-only APIs answer 403 to everyone else (who knows the page exists from nowhere else). */
export function assertAdmin(user: Pick<SessionUser, 'isAdmin'>): void {
  if (!user.isAdmin) throw new AppError('FORBIDDEN', 'Only admins may see or change this');
}
