import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Db } from '@/lib/db/client';

/**
 * Pauses and resumes a flow from its table row, checking the badge and the row in the
 * database each time; then deletes it after the confirmation (cancelling once first).
 */
export async function pauseResumeAndDeleteFromRow(page: Page, db: Db, flow: { id: string; queueUrl: string }, emptyStateTitle: string) {
  const queueName = flow.queueUrl.split('/').pop()!;
  const row = page.getByRole('row').filter({ hasText: queueName });
  const stored = () => db.eventFlow.findUniqueOrThrow({ where: { id: flow.id } });

  await row.getByRole('button', { name: `Pause ${queueName}` }).click();
  await row.getByText('paused', { exact: true }).waitFor();
  await expect.poll(stored).toMatchObject({ enabled: false, status: 'PAUSED' });

  await row.getByRole('button', { name: `Resume ${queueName}` }).click();
  await row.getByText('starting', { exact: true }).waitFor();
  await expect.poll(stored).toMatchObject({ enabled: true, status: 'STARTING' });

  const confirm = page.getByRole('alertdialog');
  await row.getByRole('button', { name: `Delete ${queueName}` }).click();
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  expect(await db.eventFlow.count({ where: { id: flow.id } })).toBe(1);
  await row.getByRole('button', { name: `Delete ${queueName}` }).click();
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await page.getByText(emptyStateTitle).waitFor();
  expect(await db.eventFlow.count({ where: { id: flow.id } })).toBe(0);
}
