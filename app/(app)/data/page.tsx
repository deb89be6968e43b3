import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requireSessionUser } from '@/lib/auth/session';

export const metadata = { title: 'Data Sources' };

export default async function DataSourcesPage() {
  const user = await requireSessionUser();
  return (
    <>
      <PageHeader title="Data Sources" description="Where your algorithms read and write files." />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <Link href="/data/hosted" className="block">
          <Card className="h-full p-5 transition-shadow hover:shadow-md">
            <h2 className="font-semibold">My Hosted Data</h2>
            <p className="mt-1 text-sm text-slate-600">
              Collections of files stored by the platform, at <code className="font-mono">data://{user.username}/…</code>
            </p>
          </Card>
        </Link>
      </div>
    </>
  );
}
