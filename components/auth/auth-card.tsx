import type { ReactNode } from 'react';
import { Logo } from '@/components/logo';
import { Card } from '@/components/ui/card';

export function AuthCard({ title, children, footer }: { title: string; children: ReactNode; footer: ReactNode }) {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 py-12">
      <Logo className="mb-8" />
      <Card className="w-full max-w-sm p-6">
        <h1 className="mb-5 text-lg font-semibold">{title}</h1>
        {children}
      </Card>
      <p className="mt-6 text-sm text-slate-600">{footer}</p>
    </main>
  );
}
