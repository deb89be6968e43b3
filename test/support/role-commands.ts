// The commands that run each role in production, exactly as deploy/ runs them (the image,
// compose and Kubernetes: test/integration/... deploy-manifests.test.ts checks that) and as
// the topology test starts them. npm's own lines are silenced: a role's output is its JSON log.

export const ROLE_SCRIPTS = { migrate: 'migrate', web: 'start:web', worker: 'start:worker' } as const;

export type Role = keyof typeof ROLE_SCRIPTS;

export function roleCommand(role: Role): string[] {
  return ['npm', 'run', '--silent', ROLE_SCRIPTS[role]];
}
