'use client';

import { useState } from 'react';
import { Button } from './button';

/** Copies `text` to the clipboard and says so for a moment. */
export function CopyButton({ text, label = 'Copy' }: { text: string; label?: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  return (
    <Button
      variant="secondary"
      size="sm"
      aria-label={`${label} ${text}`}
      onClick={async () => {
        // The clipboard needs a secure context (https or localhost); elsewhere it rejects.
        const copied = await navigator.clipboard?.writeText(text).then(() => true, () => false);
        setState(copied ? 'copied' : 'failed');
        setTimeout(() => setState('idle'), 1500);
      }}
    >
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Select and copy' : label}
    </Button>
  );
}
