'use client';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

// A tab that failed to load (e.g. the database is unreachable); the header and tabs stay.
export default function AlgorithmTabError({ reset }: { error: Error; reset: () => void }) {
  return (
    <div className="space-y-3">
      <Alert>This tab could not be loaded. Try again in a moment.</Alert>
      <Button variant="secondary" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
