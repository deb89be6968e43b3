import Link from 'next/link';
import { ApiKeysPanel } from '@/components/api-keys/api-keys-panel';
import { PageHeader } from '@/components/ui/page-header';

export const metadata = { title: 'API keys' };

export default function ApiKeysPage() {
  return (
    <>
      <PageHeader
        title="API keys"
        description={
          <>
            Personal keys for the algorithm API: <code className="font-mono">Authorization: Simple &lt;key&gt;</code> (or{' '}
            <code className="font-mono">Bearer</code>). Only a hash is stored. Every route is described in the{' '}
            <Link href="/docs/api" className="font-medium underline">
              API reference
            </Link>
            .
          </>
        }
      />
      <ApiKeysPanel />
    </>
  );
}
