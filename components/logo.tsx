import { cn } from './ui/cn';

export function Logo({ className }: { className?: string }) {
  return (
    <div className={cn('flex items-center gap-2 font-semibold text-slate-900', className)}>
      <span aria-hidden className="grid size-7 place-items-center rounded-md bg-brand-600 text-sm text-white">
        ⇶
      </span>
      Event Flows
    </div>
  );
}
