'use client';

import { Dialog as RadixDialog } from 'radix-ui';
import { createContext, useContext, useRef, useState, type ReactNode } from 'react';
import { Button } from './button';

// Accessible modal (focus trap, Escape, labelled by its title) from Radix. It opens with
// the focus on its first field (not on Close), and once something has been typed into it,
// Escape or a click outside asks before throwing the typed values away.

export const Dialog = RadixDialog.Root;
export const DialogTrigger = RadixDialog.Trigger;
export const DialogClose = RadixDialog.Close;

const FIRST_FIELD = 'input:not([type="hidden"]):not([disabled]):not([readonly]), textarea:not([disabled]):not([readonly]), select:not([disabled])';

/** For a dialog that stays open after its form succeeded: what was typed is not unsaved any more. */
const TypedValuesContext = createContext<{ markSaved: () => void }>({ markSaved: () => undefined });
export const useDialogTypedValues = () => useContext(TypedValuesContext);

export function DialogContent({ title, description, children }: { title: string; description?: ReactNode; children: ReactNode }) {
  return (
    <RadixDialog.Portal>
      <DialogPanel title={title} description={description}>
        {children}
      </DialogPanel>
    </RadixDialog.Portal>
  );
}

// Mounted only while the dialog is open (inside the Portal), so each opening starts clean.
function DialogPanel({ title, description, children }: { title: string; description?: ReactNode; children: ReactNode }) {
  const content = useRef<HTMLDivElement>(null);
  const [typed, setTyped] = useState(false);
  const [askingToDiscard, setAskingToDiscard] = useState(false);

  function askBeforeClosing(event: Event) {
    if (!typed) return;
    event.preventDefault();
    setAskingToDiscard(true);
  }

  return (
    <>
      <RadixDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40 backdrop-blur-[1px]" />
      <RadixDialog.Content
        ref={content}
        className="fixed top-1/2 left-1/2 z-50 max-h-[90vh] w-[calc(100vw-2rem)] max-w-lg -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg bg-white p-6 shadow-xl focus:outline-none"
        {...(description ? {} : { 'aria-describedby': undefined })}
        onOpenAutoFocus={(event) => {
          const field = content.current?.querySelector<HTMLElement>(FIRST_FIELD);
          if (!field) return;
          event.preventDefault();
          field.focus();
        }}
        onInput={() => setTyped(true)}
        onEscapeKeyDown={(event) => {
          // A second Escape answers "keep editing".
          if (askingToDiscard) {
            event.preventDefault();
            setAskingToDiscard(false);
          } else askBeforeClosing(event);
        }}
        onInteractOutside={askBeforeClosing}
      >
        <div className="mb-5 flex items-start justify-between gap-4">
          <div className="min-w-0">
            <RadixDialog.Title className="text-lg font-semibold break-words text-slate-900">{title}</RadixDialog.Title>
            {description ? <RadixDialog.Description className="mt-1 text-sm text-slate-600">{description}</RadixDialog.Description> : null}
          </div>
          <RadixDialog.Close aria-label="Close" className="rounded p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-900">
            ✕
          </RadixDialog.Close>
        </div>
        {askingToDiscard ? <DiscardQuestion onKeep={() => setAskingToDiscard(false)} /> : null}
        <TypedValuesContext.Provider value={{ markSaved: () => setTyped(false) }}>{children}</TypedValuesContext.Provider>
      </RadixDialog.Content>
    </>
  );
}

function DiscardQuestion({ onKeep }: { onKeep: () => void }) {
  return (
    <div role="alert" className="mb-4 flex flex-wrap items-center justify-between gap-3 rounded-md bg-amber-50 px-3 py-2.5 text-sm text-amber-900 ring-1 ring-amber-200 ring-inset">
      <p>Discard what you typed?</p>
      <div className="flex gap-2">
        <Button variant="secondary" size="sm" onClick={onKeep} autoFocus>
          Keep editing
        </Button>
        <RadixDialog.Close asChild>
          <Button variant="danger" size="sm">
            Discard
          </Button>
        </RadixDialog.Close>
      </div>
    </div>
  );
}
