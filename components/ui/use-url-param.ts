'use client';

import { useSearchParams } from 'next/navigation';
import { useState } from 'react';

/**
 * A list filter kept in the page's URL (`?name=value`), so a filtered list can be linked to
 * and survives a reload. Empty removes it. The URL is replaced, not pushed: typing a search
 * must not fill the back button's history.
 */
export function useUrlParam(name: string): [string, (value: string) => void] {
  const params = useSearchParams();
  const [value, setValue] = useState(() => params.get(name) ?? '');
  function update(next: string) {
    setValue(next);
    const url = new URL(window.location.href);
    if (next) url.searchParams.set(name, next);
    else url.searchParams.delete(name);
    window.history.replaceState(null, '', url);
  }
  return [value, update];
}
