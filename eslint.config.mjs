import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

const config = [
  { ignores: ['.next/**', '.build/**', '.data/**', '.scratch/**', 'lib/generated/**', 'next-env.d.ts', 'node_modules/**', 'test-results/**'] },
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Every body a route reads is read within a limit (docs/security.md, "Limits").
    files: ['app/**/*.ts', 'app/**/*.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name=/^(request|req)$/][callee.property.name=/^(json|text|formData|arrayBuffer|blob|bytes)$/]",
          message: 'Read a request body within its limit: readJsonBody, readLimitedBody or withLimitedBody (lib/http/).',
        },
        {
          selector: "MemberExpression[object.name=/^(request|req)$/][property.name='body']",
          message: 'Read a request body within its limit: readJsonBody, readLimitedBody or withLimitedBody (lib/http/).',
        },
      ],
    },
  },
];

export default config;
