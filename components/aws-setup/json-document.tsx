import { CopyButton } from '@/components/ui/copy-button';

/** An IAM document as pretty JSON, with a button that copies exactly what is shown. */
export function JsonDocument({ title, description, document }: { title: string; description: string; document: unknown }) {
  const json = JSON.stringify(document, null, 2);
  return (
    <section aria-label={title} className="space-y-2">
      <div className="flex items-end justify-between gap-3">
        <div>
          <h3 className="font-mono text-sm font-semibold text-slate-900">{title}</h3>
          <p className="text-xs text-slate-600">{description}</p>
        </div>
        <CopyButton text={json} label={`Copy ${title}`} />
      </div>
      <pre className="overflow-x-auto rounded-md bg-slate-900 px-4 py-3 font-mono text-xs text-slate-100">{json}</pre>
    </section>
  );
}
