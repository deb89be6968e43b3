// Shown under the profile's header and tabs while a tab's data loads.
export default function AlgorithmTabLoading() {
  return (
    <div role="status" aria-label="Loading" className="space-y-3">
      <div className="h-5 w-56 animate-pulse rounded bg-slate-200" />
      <div className="h-4 w-96 max-w-full animate-pulse rounded bg-slate-200" />
      <div className="h-32 animate-pulse rounded-lg bg-slate-100" />
    </div>
  );
}
