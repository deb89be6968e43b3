'use client';

import type { ApiReferenceReact as ApiReference } from '@scalar/api-reference-react';
import '@scalar/api-reference-react/style.css';
import dynamic from 'next/dynamic';
import type { ComponentProps } from 'react';

// Scalar's reference is a Vue app inside a React wrapper: it renders in the browser only.
const ApiReferenceReact = dynamic(() => import('@scalar/api-reference-react').then((scalar) => scalar.ApiReferenceReact), {
  ssr: false,
  loading: () => <p className="p-8 text-sm text-slate-500">Loading the API reference…</p>,
});

// Offline by design: no web fonts, telemetry, request proxy or AI agent of Scalar's (each
// would call Scalar's servers); the document is this app's.
const CONFIGURATION: ComponentProps<typeof ApiReference>['configuration'] = {
  url: '/api/openapi.json',
  withDefaultFonts: false,
  telemetry: false,
  agent: { disabled: true },
  hideClientButton: true,
  showDeveloperTools: 'never',
  documentDownloadType: 'json',
  metaData: { title: 'Event Flows API reference' },
};

/** The OpenAPI document rendered with Scalar's API reference. */
export function ApiReferenceView() {
  return <ApiReferenceReact configuration={CONFIGURATION} />;
}
