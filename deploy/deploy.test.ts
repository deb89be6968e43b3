import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv as parseEnvFile } from 'node:util';
import { ScaledObject } from '@kubernetes-models/keda/keda.sh/v1alpha1';
import { DockerfileParser, type Instruction, type JSONInstruction } from 'dockerfile-ast';
import { Deployment } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { Job } from 'kubernetes-models/batch/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { ConfigMap, Namespace, Service, ServiceAccount, type IContainer, type IPodSpec } from 'kubernetes-models/v1';
import { Registry } from 'prom-client';
import { parse, parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { DEMO_DLQ_NAME, DEMO_MAX_RECEIVE_COUNT, DEMO_QUEUE_NAME } from '@/lib/local/sqs-emulator';
import { workerEnvOf } from '@/lib/local/worker-env';
import { roleCommand, ROLE_SCRIPTS, type Role } from '@/test/support/role-commands';
import { createBacklogGauges } from '@/worker/backlog-gauges';
import { createWorkerMetrics } from '@/worker/metrics';

// No container engine runs on the project's machines, so deploy/ is checked here: the
// Dockerfile through a Dockerfile parser, every Kubernetes object against the Kubernetes
// schemas (KEDA's against its CRD), the rules an operator relies on (non-root, probes,
// resources, drain time), and that every command is one the topology test runs
// (test/integration/production-topology.test.ts starts the roles with roleCommand).

const DEPLOY = import.meta.dirname;
const read = (file: string) => readFileSync(path.join(DEPLOY, file), 'utf8');
const scripts = (JSON.parse(readFileSync(path.join(DEPLOY, '..', 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

describe('deploy/Dockerfile', () => {
  const dockerfile = DockerfileParser.parse(read('Dockerfile'));
  const instructions = dockerfile.getInstructions();
  const froms = dockerfile.getFROMs();
  const finalStage = instructions.filter((instruction) => instruction.getRange().start.line > froms.at(-1)!.getRange().start.line);
  const jsonArguments = (instruction: Instruction) => (instruction as JSONInstruction).getJSONStrings().map((value) => value.getJSONValue());
  const finalOf = (keyword: string) => finalStage.filter((instruction) => instruction.getKeyword() === keyword);

  it('builds in stages (install, build, runtime) on a Node.js LTS line chosen by an ARG', () => {
    expect(froms.map((from) => from.getImageName())).toEqual(['node', 'install', 'node']);
    const nodeVersion = dockerfile.getInitialARGs().find((arg) => arg.getProperty()?.getName() === 'NODE_VERSION');
    const major = Number(nodeVersion?.getProperty()?.getValue());
    // Even lines become LTS; 20 reached its end of life in April 2026.
    expect(major % 2 === 0 && major >= 22, `NODE_VERSION ${major}`).toBe(true);
    for (const from of froms.filter((from) => from.getImageName() === 'node')) expect(from.getImageTag()).toMatch(/^\$\{NODE_VERSION\}-/);
  });

  it('runs as a non-root user, by number (so that Kubernetes can check runAsNonRoot)', () => {
    const users = finalOf('USER').map((user) => user.getArgumentsContent() ?? '');
    expect(users).toHaveLength(1);
    const [uid] = users[0]!.split(':');
    expect(uid).toMatch(/^\d+$/);
    expect(Number(uid)).toBeGreaterThan(0);
  });

  it('hands signals to the role through a minimal init, and runs the web role by default with the command the topology test runs', () => {
    expect(finalOf('ENTRYPOINT').map(jsonArguments)).toEqual([['/usr/bin/tini', '--']]);
    expect(finalOf('CMD').map(jsonArguments)).toEqual([roleCommand('web')]);
  });

  it('builds with npm run build and prunes to production dependencies; every npm script it names exists', () => {
    const runs = instructions.filter((instruction) => instruction.getKeyword() === 'RUN').map((run) => run.getArgumentsContent() ?? '');
    expect(runs).toContain('npm run build && npm prune --omit=dev');
    for (const [, script] of runs.join('\n').matchAll(/npm run ([\w:-]+)/g)) expect(scripts).toHaveProperty([script!]);
    for (const script of Object.values(ROLE_SCRIPTS)) expect(scripts).toHaveProperty([script]);
  });
});

interface ComposeService {
  command?: string[];
  profiles?: string[];
  restart?: string;
  deploy?: { replicas?: number };
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
}

describe('deploy/compose.yaml', () => {
  const { services } = parse(read('compose.yaml'), { merge: true }) as { services: Record<string, ComposeService> };

  it('runs migrate once, then two web processes and two workers, with the commands the topology test runs', () => {
    for (const role of ['migrate', 'web', 'worker'] as const) expect(services[role]?.command, role).toEqual(roleCommand(role));
    expect(services.migrate?.restart).toBe('no');
    for (const role of ['web', 'worker']) {
      expect(services[role]?.deploy?.replicas, role).toBe(2);
      expect(services[role]?.depends_on?.migrate, role).toEqual({ condition: 'service_completed_successfully' });
    }
    expect(Object.keys(services).sort()).toEqual(['lb', 'migrate', 'postgres', 'sqs', 'web', 'worker']);
  });

  it('keeps the session secret from the workers', () => {
    expect(services.web?.environment).toHaveProperty('BETTER_AUTH_SECRET');
    expect(services.worker?.environment).not.toHaveProperty('BETTER_AUTH_SECRET');
    expect(services.worker?.environment).toMatchObject({ WORKER_API_TOKEN: expect.any(String), DATA_TOKEN_KEY: expect.any(String) });
  });

  it('has the SQS emulator only in the emulator profile, which declares local mode and allows it on the network', () => {
    expect(services.sqs?.profiles).toEqual(['emulator']);
    const emulatorEnv = parseEnvFile(read('emulator.env'));
    expect(emulatorEnv).toMatchObject({ COMPOSE_PROFILES: 'emulator', AWS_ENDPOINT_URL_SQS: 'http://sqs:4566', LOCAL_MODE: '1', ALLOW_LOCAL_MODE_ON_NETWORK: '1' });
    // Its worker keys are the ones its secret derives (npm run worker-keys).
    expect(workerEnvOf({ NODE_ENV: 'production', BETTER_AUTH_SECRET: emulatorEnv.BETTER_AUTH_SECRET })).toMatchObject({
      WORKER_API_TOKEN: emulatorEnv.WORKER_API_TOKEN,
      DATA_TOKEN_KEY: emulatorEnv.DATA_TOKEN_KEY,
    });
    const { queues } = JSON.parse(read('fauxqs-init.json')) as { queues: Array<{ name: string; attributes?: Record<string, string> }> };
    expect(queues.map((queue) => queue.name)).toEqual([DEMO_DLQ_NAME, DEMO_QUEUE_NAME]);
    expect(JSON.parse(queues[1]!.attributes!.RedrivePolicy!)).toEqual({ deadLetterTargetArn: `arn:aws:sqs:us-east-1:000000000000:${DEMO_DLQ_NAME}`, maxReceiveCount: DEMO_MAX_RECEIVE_COUNT });
  });
});

/** The worker's metric names, as Prometheus sees them (histograms with their series). */
function workerMetricNames(): Set<string> {
  const registry = new Registry();
  createWorkerMetrics(registry);
  createBacklogGauges(registry);
  return new Set(
    registry.getMetricsAsArray().flatMap(({ name, type }) => (String(type) === 'histogram' ? [`${name}_bucket`, `${name}_sum`, `${name}_count`] : [name])),
  );
}

const metricsNamedIn = (expression: string) => [...expression.matchAll(/\bevent_flows_\w+/g)].map(([name]) => name);

// The schema of each kind deploy/kubernetes uses; a kind without one fails the test.
const MODELS: Record<string, new (object: never) => { validate(): void }> = {
  'v1/Namespace': Namespace,
  'v1/ServiceAccount': ServiceAccount,
  'v1/ConfigMap': ConfigMap,
  'v1/Service': Service,
  'apps/v1/Deployment': Deployment,
  'batch/v1/Job': Job,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'keda.sh/v1alpha1/ScaledObject': ScaledObject,
};

interface KubernetesObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: Record<string, unknown> & { template?: { metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> }; spec: IPodSpec } };
  data?: Record<string, string>;
}

describe('deploy/kubernetes', () => {
  const dir = path.join(DEPLOY, 'kubernetes');
  const kustomization = parse(read('kubernetes/kustomization.yaml')) as {
    resources: string[];
    secretGenerator: Array<{ name: string; envs: string[] }>;
  };
  const files = readdirSync(dir).filter((file) => file.endsWith('.yaml') && file !== 'kustomization.yaml');
  const objects = files.flatMap((file) =>
    parseAllDocuments(readFileSync(path.join(dir, file), 'utf8')).map((document) => ({ file, object: document.toJS() as KubernetesObject })),
  );
  const find = (kind: string, name: string) => objects.find(({ object }) => object.kind === kind && object.metadata.name === name)?.object;
  const web = find('Deployment', 'event-flows-web')!;
  const worker = find('Deployment', 'event-flows-worker')!;
  const job = find('Job', 'event-flows-migrate')!;
  const config = find('ConfigMap', 'event-flows')!.data!;
  const workloads: Array<[Role, KubernetesObject]> = [
    ['web', web],
    ['worker', worker],
    ['migrate', job],
  ];
  const podSpec = (workload: KubernetesObject) => workload.spec!.template!.spec;
  const container = (workload: KubernetesObject) => podSpec(workload).containers[0] as IContainer;

  it('validates every manifest against the Kubernetes schemas, and the KEDA ScaledObject against its CRD', () => {
    expect(objects.length).toBeGreaterThan(0);
    for (const { file, object } of objects) {
      const Model = MODELS[`${object.apiVersion}/${object.kind}`];
      expect(Model, `${file}: no schema for ${object.apiVersion} ${object.kind}`).toBeDefined();
      expect(() => new Model!(object as never).validate(), `${file}: ${object.kind} ${object.metadata.name}`).not.toThrow();
    }
  });

  it('lists every manifest in the kustomization (the KEDA example aside) and makes the Secret from secret.env', () => {
    expect([...kustomization.resources].sort()).toEqual(files.filter((file) => file !== 'keda-scaledobject.yaml').sort());
    expect(kustomization.secretGenerator).toEqual([{ name: 'event-flows', envs: ['secret.env'] }]);
  });

  it('runs each role with the command the topology test runs', () => {
    for (const [role, workload] of workloads) {
      expect(podSpec(workload).containers, role).toHaveLength(1);
      expect(container(workload).command, role).toEqual(roleCommand(role));
      expect(workload.spec!.template!.metadata!.labels!['app.kubernetes.io/component'], role).toBe(role);
    }
  });

  it('runs every pod as a non-root user, with a read-only root filesystem, no privilege escalation and no capabilities', () => {
    for (const [role, workload] of workloads) {
      const pod = podSpec(workload).securityContext;
      expect(pod?.runAsNonRoot, role).toBe(true);
      expect(pod?.runAsUser, role).toBeGreaterThan(0);
      expect(container(workload).securityContext, role).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
      expect(container(workload).securityContext?.runAsUser ?? pod?.runAsUser, role).not.toBe(0);
    }
  });

  it('asks for CPU and memory for every container', () => {
    for (const [role, workload] of workloads) expect(container(workload).resources?.requests, role).toMatchObject({ cpu: expect.any(String), memory: expect.any(String) });
  });

  it('probes the web and worker pods at their liveness and readiness routes, on ports they expose', () => {
    const probes = { web: ['/api/health/live', '/api/health/ready'], worker: ['/health/live', '/health/ready'] };
    for (const [role, workload] of [['web', web], ['worker', worker]] as const) {
      const { livenessProbe, readinessProbe, ports = [] } = container(workload);
      expect([livenessProbe?.httpGet?.path, readinessProbe?.httpGet?.path], role).toEqual(probes[role]);
      for (const probe of [livenessProbe, readinessProbe]) expect(ports.map((port) => port.name), role).toContain(probe?.httpGet?.port);
    }
  });

  it('gives each pod the time its role takes to stop: the drain and the grace, then the role’s own limit', () => {
    const webNeeds = (Number(config.WEB_DRAIN_DELAY_MS) + Number(config.WEB_SHUTDOWN_GRACE_MS)) / 1000 + 5;
    const workerNeeds = Number(config.WORKER_SHUTDOWN_GRACE_MS) / 1000 + 15;
    expect(podSpec(web).terminationGracePeriodSeconds).toBeGreaterThanOrEqual(webNeeds);
    expect(podSpec(worker).terminationGracePeriodSeconds).toBeGreaterThanOrEqual(workerNeeds);
  });

  it('lets Prometheus scrape the workers’ metrics port', () => {
    const annotations = worker.spec!.template!.metadata!.annotations!;
    expect(annotations).toMatchObject({ 'prometheus.io/scrape': 'true', 'prometheus.io/path': '/metrics' });
    expect(container(worker).ports?.find((port) => port.name === 'metrics')?.containerPort).toBe(Number(annotations['prometheus.io/port']));
  });

  it('takes configuration from the ConfigMap and secrets from the Secret; the workers never get the session secret', () => {
    const exampleKeys = Object.keys(parseEnvFile(read('kubernetes/secret.env.example')));
    for (const [role, workload] of workloads) {
      expect(container(workload).envFrom, role).toEqual([{ configMapRef: { name: 'event-flows' } }]);
      for (const variable of container(workload).env ?? []) {
        expect(variable.valueFrom?.secretKeyRef?.name, `${role} ${variable.name}`).toBe('event-flows');
        expect(exampleKeys, `${role} ${variable.name}`).toContain(variable.valueFrom?.secretKeyRef?.key);
      }
    }
    expect(container(worker).env?.map((variable) => variable.name)).not.toContain('BETTER_AUTH_SECRET');
  });

  it('scales the web pods with an HPA, keeps a worker through disruptions, and scales workers in the KEDA example on a metric the worker exports', () => {
    const hpa = find('HorizontalPodAutoscaler', 'event-flows-web')!;
    expect(hpa.spec!.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: web.metadata.name });
    const pdb = find('PodDisruptionBudget', 'event-flows-worker')!;
    expect((pdb.spec as { selector: { matchLabels: Record<string, string> } }).selector.matchLabels).toEqual(worker.spec!.template!.metadata!.labels);
    expect(find('Service', 'event-flows-web')!.spec!.selector).toEqual(web.spec!.template!.metadata!.labels);
    const scaledObject = find('ScaledObject', 'event-flows-worker')!;
    expect(scaledObject.spec!.scaleTargetRef).toEqual({ name: worker.metadata.name });
    const [trigger] = scaledObject.spec!.triggers as Array<{ type: string; metadata: { query: string } }>;
    expect(trigger!.type).toBe('prometheus');
    const names = workerMetricNames();
    expect(metricsNamedIn(trigger!.metadata.query)).toContain('event_flows_queued_runs');
    for (const name of metricsNamedIn(trigger!.metadata.query)) expect(names).toContain(name);
  });
});

describe('deploy/prometheus/alerts.yaml', () => {
  const { groups } = parse(read('prometheus/alerts.yaml')) as {
    groups: Array<{ name: string; rules: Array<{ alert: string; expr: string; for?: string; labels: { severity: string }; annotations: { summary: string } }> }>;
  };
  const rules = groups.flatMap((group) => group.rules);

  it('alerts on a DLQ, dead runs, flows WAITING or in ERROR, no live worker and an aging backlog, on metrics the worker exports', () => {
    expect(rules.map((rule) => rule.alert).sort()).toEqual([
      'EventFlowsBacklogAging',
      'EventFlowsDeadRunsRising',
      'EventFlowsDlqNotEmpty',
      'EventFlowsFlowWaitingOrError',
      'EventFlowsNoLiveWorker',
    ]);
    const names = workerMetricNames();
    for (const rule of rules) {
      expect(metricsNamedIn(rule.expr).length, rule.alert).toBeGreaterThan(0);
      for (const name of metricsNamedIn(rule.expr)) expect(names, `${rule.alert}: ${name}`).toContain(name);
      expect(rule.labels.severity, rule.alert).toMatch(/^(warning|critical)$/);
      expect(rule.annotations.summary, rule.alert).toBeTruthy();
    }
    expect(rules.find((rule) => rule.alert === 'EventFlowsFlowWaitingOrError')?.for).toBe('5m');
  });
});
