import Link from 'next/link';
import { connection } from 'next/server';
import { Logo } from '@/components/logo';
import { NotFoundMessage } from '@/components/shell/not-found-message';
import { SignedInShell } from '@/components/shell/signed-in-shell';
import { getSessionUser } from '@/lib/auth/session';

export const metadata = { title: 'Page not found' };

// Any URL no route matches (status 404): inside the app shell for a signed-in user.
export default async function NotFound() {
  // Rendered per request (never prerendered at build time): it depends on who asks.
  await connection();
  const user = await getSessionUser();
  if (user) {
    return (
      <SignedInShell user={user}>
        <NotFoundMessage title="Page not found">There is no page at this address. Check the link, or start again from Home.</NotFoundMessage>
      </SignedInShell>
    );
  }
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-8 px-4 py-12">
      <Logo />
      <NotFoundMessage
        title="Page not found"
        action={
          <Link href="/sign-in" className="text-brand-700 hover:underline">
            Sign in
          </Link>
        }
      >
        There is no page at this address. Check the link, or sign in and start again from Home.
      </NotFoundMessage>
    </main>
  );
}
