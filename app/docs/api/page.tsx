import Link from 'next/link';
import { ApiReferenceView } from '@/components/api-reference/api-reference-view';

export const metadata = { title: 'API reference' };

/** Every route of the app, from /api/openapi.json (generated from the code's Zod schemas). */
export default function ApiReferencePage() {
  return (
    <main>
      <nav aria-label="API reference" className="flex items-center justify-between border-b border-slate-200 px-6 py-3 text-sm">
        <Link href="/" className="font-semibold">
          Event Flows
        </Link>
        <span className="text-slate-600">
          API reference · <a href="/api/openapi.json">openapi.json</a> · <Link href="/settings/api-keys">API keys</Link>
        </span>
      </nav>
      <ApiReferenceView />
    </main>
  );
}
