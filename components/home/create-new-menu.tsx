'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { CreateAlgorithmDialog } from '@/components/algorithms/create-algorithm-dialog';
import { CreateListenerDialog, type ListenerAlgorithm } from '@/components/flows/create-listener-dialog';
import { Button } from '@/components/ui/button';
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from '@/components/ui/dropdown-menu';

interface CreateNewMenuProps {
  owner: string;
  algorithms: ListenerAlgorithm[];
  localSqsEndpoint?: string;
}

/** Home's "Create New" menu: an algorithm, an event listener (the legacy path) or a data collection. */
export function CreateNewMenu({ owner, algorithms, localSqsEndpoint }: CreateNewMenuProps) {
  const router = useRouter();
  const [dialog, setDialog] = useState<'algorithm' | 'listener'>();
  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button>
            Create New <span aria-hidden>▾</span>
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent>
          <DropdownMenuItem onSelect={() => setDialog('algorithm')}>Algorithm</DropdownMenuItem>
          <DropdownMenuItem onSelect={() => setDialog('listener')}>Event Listener</DropdownMenuItem>
          <DropdownMenuItem onSelect={() => router.push('/data/hosted?new=1')}>Data Collection</DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      <CreateAlgorithmDialog owner={owner} open={dialog === 'algorithm'} onOpenChange={(open) => setDialog(open ? 'algorithm' : undefined)} />
      <CreateListenerDialog
        algorithms={algorithms}
        localSqsEndpoint={localSqsEndpoint}
        open={dialog === 'listener'}
        onOpenChange={(open) => setDialog(open ? 'listener' : undefined)}
      />
    </>
  );
}
