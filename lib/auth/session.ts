import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { auth } from './auth';

export interface SessionUser {
  id: string;
  username: string;
  email: string;
  name: string;
  isAdmin: boolean;
}

/** The signed-in user of this request, or null. */
export async function getSessionUser(): Promise<SessionUser | null> {
  const session = await auth().api.getSession({ headers: await headers() });
  if (!session) return null;
  const { id, username, email, name, role } = session.user;
  return { id, username, email, name, isAdmin: role === 'ADMIN' };
}

/** For pages: the signed-in user, or a redirect to the sign-in page. */
export async function requireSessionUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect('/sign-in');
  return user;
}
