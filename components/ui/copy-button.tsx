'use client';

import { useState } from 'react';
import { Button } from './button';

/** Copies `text` to the clipboard, and says so for a moment. */
export function CopyButton({ text, label = 'Copy' }: { text: string; label?: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  async function copy() {
    // The clipboard needs a secure context (https or localhost); elsewhere it is missing or rejects.
    const copied = await navigator.clipboard?.writeText(text).then(
      () => true,
      () => false,
    );
    setState(copied ? 'copied' : 'failed');
    setTimeout(() => setState('idle'), 1500);
  }
  return (
    <Button variant="secondary" size="sm" aria-label={label} onClick={copy}>
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Select and copy' : 'Copy'}
    </Button>
  );
}
