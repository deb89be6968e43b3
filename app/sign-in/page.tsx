import Link from 'next/link';
import { redirect } from 'next/navigation';
import { AuthCard } from '@/components/auth/auth-card';
import { SignInForm } from '@/components/auth/sign-in-form';
import { Alert } from '@/components/ui/alert';
import { getSessionUser } from '@/lib/auth/session';
import { isLocalSqs, env } from '@/lib/env';
import { DEMO_LOGIN } from '@/lib/local/demo-data';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Sign in' };

export default async function SignInPage() {
  if (await getSessionUser()) redirect('/');
  const localMode = isLocalSqs(env());
  return (
    <AuthCard
      title="Sign in"
      footer={
        <>
          New here?{' '}
          <Link href="/sign-up" className="font-medium text-brand-600 hover:underline">
            Create an account
          </Link>
        </>
      }
    >
      {localMode ? (
        <div className="mb-4">
          <Alert tone="info">
            Local mode. Demo login: <strong>{DEMO_LOGIN.email}</strong> / <strong>{DEMO_LOGIN.password}</strong>
          </Alert>
        </div>
      ) : null}
      <SignInForm demoEmail={localMode ? DEMO_LOGIN.email : undefined} />
    </AuthCard>
  );
}
