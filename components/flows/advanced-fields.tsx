import type { FormErrors } from '@/components/forms/use-form-submit';
import { Field } from '@/components/ui/field';
import { MAX_FLOW_CONCURRENCY, MAX_RUN_ATTEMPTS } from '@/lib/flows/flow-input';
import { formatRunRetention } from '@/lib/runs/run-retention';
import { FilterPatternsField } from './filter-patterns-field';

/** The form fields the Advanced settings send; errors for them open the section. */
export const ADVANCED_FIELDS = ['maxConcurrency', 'maxAttempts', 'runRetentionHours', 'filters', 'filters.0', 'filters.1', 'filters.2', 'filters.3', 'filters.4'] as const;

interface AdvancedValues {
  maxConcurrency?: number | null;
  maxAttempts?: number | null;
  runRetentionHours?: number | null;
  filters?: string[];
}

/** Maximum concurrency, maximum attempts, run retention and message filters: in both modals' Advanced section and in Edit. */
export function AdvancedSettingsFields({ errors, initial = {} }: { errors: FormErrors; initial?: AdvancedValues }) {
  return (
    <>
      <Field
        label="Maximum concurrency"
        name="maxConcurrency"
        type="number"
        inputMode="numeric"
        min={1}
        max={MAX_FLOW_CONCURRENCY}
        placeholder="Platform default"
        defaultValue={initial.maxConcurrency ?? ''}
        error={errors.maxConcurrency}
        hint={`Optional, 1 to ${MAX_FLOW_CONCURRENCY}: how many runs of this connection may execute at once; blank leaves it to your and the platform's limits.`}
      />
      <Field
        label="Maximum attempts"
        name="maxAttempts"
        type="number"
        inputMode="numeric"
        min={1}
        max={MAX_RUN_ATTEMPTS}
        placeholder="Platform default"
        defaultValue={initial.maxAttempts ?? ''}
        error={errors.maxAttempts}
        hint={`Optional, 1 to ${MAX_RUN_ATTEMPTS}: how often a run is tried when it fails for a passing reason (network, timeout, 5xx) before it is Dead; blank uses the platform default.`}
      />
      <Field
        label="Keep finished runs for"
        name="runRetentionHours"
        placeholder="Platform default"
        defaultValue={initial.runRetentionHours ? formatRunRetention(initial.runRetentionHours) : ''}
        error={errors.runRetentionHours}
        hint="Optional, 1 hour to 400 days (e.g. 12 hours or 30 days): how long this connection's finished and dead runs are kept before they are deleted; blank uses the platform default."
      />
      <FilterPatternsField errors={errors} initial={initial.filters} />
    </>
  );
}

/** True when an error belongs to the Advanced section (so it opens to show it). */
export function hasAdvancedError(errors: FormErrors, also: string[] = []): boolean {
  return [...ADVANCED_FIELDS, ...also].some((field) => errors[field]);
}
