'use client';

import { DropdownMenu as RadixMenu } from 'radix-ui';
import type { ReactNode } from 'react';

export const DropdownMenu = RadixMenu.Root;
export const DropdownMenuTrigger = RadixMenu.Trigger;

export function DropdownMenuContent({ children }: { children: ReactNode }) {
  return (
    <RadixMenu.Portal>
      <RadixMenu.Content align="end" sideOffset={6} className="z-50 min-w-44 rounded-md bg-white p-1 shadow-lg ring-1 ring-slate-200">
        {children}
      </RadixMenu.Content>
    </RadixMenu.Portal>
  );
}

export function DropdownMenuItem({ children, onSelect }: { children: ReactNode; onSelect?: () => void }) {
  return (
    <RadixMenu.Item
      onSelect={onSelect}
      className="cursor-pointer rounded px-3 py-2 text-sm text-slate-700 outline-none data-[highlighted]:bg-brand-50 data-[highlighted]:text-brand-700"
    >
      {children}
    </RadixMenu.Item>
  );
}
