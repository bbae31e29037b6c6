import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { Namespace, Service } from 'kubernetes-models/v1';
import { Deployment } from 'kubernetes-models/apps/v1';
import { Job } from 'kubernetes-models/batch/v1';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { Cluster, Database } from '@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1';
import { GATEWAY_PORT, localSubgraphUrl, SUBGRAPH_PORTS, subgraphPort, subgraphUrlVariable, SUBGRAPHS, type SubgraphName } from './topology.js';

const infra = fileURLToPath(new URL('../../../infra/', import.meta.url));
const PROCESSES = ['gateway', ...SUBGRAPHS].sort();

const portOf = (name: string): number => (name === 'gateway' ? GATEWAY_PORT : SUBGRAPH_PORTS[name as SubgraphName]);
const entryOf = (name: string): string => (name === 'gateway' ? 'gateway/dist/main.js' : `services/${name}/dist/main.js`);

/** Addresses of other things than subgraphs, which look like one by name. */
const NOT_SUBGRAPH_URLS = new Set(['WAYMARK_SMTP_URL']);

/** Every subgraph address a manifest hands a process must name a listed subgraph at its listed port. */
function expectAddressesFollowTheList(where: string, env: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(env)) {
    const match = /^WAYMARK_([A-Z]+)_URL$/.exec(key);
    if (!match || NOT_SUBGRAPH_URLS.has(key)) continue;
    const name = match[1].toLowerCase() as SubgraphName;
    expect(SUBGRAPHS, `${where}: ${key} names no subgraph of the list`).toContain(name);
    expect(value, `${where}: ${key}`).toBe(`http://${name}:${SUBGRAPH_PORTS[name]}/graphql`);
  }
}

describe('the list of services and ports', () => {
  it('gives each subgraph its own port after the base, in order, and the gateway its own', () => {
    expect(SUBGRAPH_PORTS).toEqual({ identity: 4101, pupils: 4102, employers: 4103, encounters: 4104, destinations: 4105 });
    expect(new Set([GATEWAY_PORT, ...Object.values(SUBGRAPH_PORTS)]).size).toBe(SUBGRAPHS.length + 1);
    expect(subgraphPort('encounters', 4800)).toBe(4804);
    expect(localSubgraphUrl('pupils', 4590)).toBe('http://127.0.0.1:4592/graphql');
    expect(subgraphUrlVariable('destinations')).toBe('WAYMARK_DESTINATIONS_URL');
  });
});

describe('infra/compose.yaml', () => {
  interface ComposeService {
    command?: string[];
    ports?: string[];
    environment?: Record<string, unknown>;
  }
  const compose = parse(readFileSync(`${infra}compose.yaml`, 'utf8'), { merge: true }) as { services: Record<string, ComposeService> };
  const waymark = Object.entries(compose.services).filter(([name]) => name !== 'postgres');

  it('runs the gateway and every subgraph of the list, and nothing else of ours', () => {
    expect(waymark.map(([name]) => name).sort()).toEqual(PROCESSES);
  });

  it('starts each on its own entry and listed port, and points every address at the listed ports', () => {
    for (const [name, service] of waymark) {
      expect(service.command, name).toEqual(['node', entryOf(name)]);
      expect(service.environment?.PORT, `${name}: PORT`).toBe(String(portOf(name)));
      expectAddressesFollowTheList(name, service.environment ?? {});
    }
  });

  it('tells the gateway where every subgraph is, and publishes only the gateway', () => {
    const gateway = compose.services.gateway;
    for (const name of SUBGRAPHS) expect(gateway.environment?.[subgraphUrlVariable(name)], name).toBeDefined();
    for (const [name, service] of waymark) {
      const published = (service.ports ?? []).map((mapping) => Number(mapping.split(':').at(-1)));
      expect(published, name).toEqual(name === 'gateway' ? [GATEWAY_PORT] : []);
    }
  });
});

describe('infra/k8s', () => {
  interface Manifest {
    kind: string;
    metadata: { name: string };
    spec: {
      ports?: { port: number; targetPort: number }[];
      template?: {
        spec: {
          containers: {
            command: string[];
            ports: { containerPort: number }[];
            env: { name: string; value?: string }[];
            readinessProbe: { httpGet: { port: number } };
            livenessProbe: { httpGet: { port: number } };
          }[];
        };
      };
    };
  }
  const files = readdirSync(`${infra}k8s`).filter((file) => /\.ya?ml$/.test(file));
  const manifests = files.flatMap((file) => parseAllDocuments(readFileSync(`${infra}k8s/${file}`, 'utf8')).map((document) => document.toJS() as Manifest));
  const ofKind = (kind: string) => manifests.filter((manifest) => manifest.kind === kind);

  it('has a Deployment and a Service for the gateway and every subgraph of the list', () => {
    expect(files.length).toBeGreaterThan(0);
    expect(
      ofKind('Deployment')
        .map((m) => m.metadata.name)
        .sort(),
    ).toEqual(PROCESSES);
    expect(
      ofKind('Service')
        .map((m) => m.metadata.name)
        .sort(),
    ).toEqual(PROCESSES);
  });

  it('runs each Deployment on its own entry and listed port, probed there, with every address at the listed ports', () => {
    for (const deployment of ofKind('Deployment')) {
      const name = deployment.metadata.name;
      const [container] = deployment.spec.template!.spec.containers;
      const env = Object.fromEntries(container.env.map((variable) => [variable.name, variable.value]));
      expect(container.command, name).toEqual(['node', entryOf(name)]);
      expect(
        container.ports.map((p) => p.containerPort),
        name,
      ).toEqual([portOf(name)]);
      expect(env.PORT, `${name}: PORT`).toBe(String(portOf(name)));
      expect([container.readinessProbe.httpGet.port, container.livenessProbe.httpGet.port], `${name}: probes`).toEqual([portOf(name), portOf(name)]);
      expectAddressesFollowTheList(name, env);
      if (name === 'gateway') for (const subgraph of SUBGRAPHS) expect(env[subgraphUrlVariable(subgraph)], subgraph).toBeDefined();
    }
  });

  // The Kubernetes API's and the CloudNativePG operator's own schemas (kubernetes-models, MIT).
  const model = (manifest: Manifest & { apiVersion: string }): { validate(): void } | undefined => {
    const key = `${manifest.apiVersion}/${manifest.kind}`;
    const models: Record<string, new (data: never) => { validate(): void }> = {
      'v1/Namespace': Namespace,
      'v1/Service': Service,
      'apps/v1/Deployment': Deployment,
      'batch/v1/Job': Job,
      'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
      'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
      'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
      'postgresql.cnpg.io/v1/Cluster': Cluster,
      'postgresql.cnpg.io/v1/Database': Database,
    };
    const Model = models[key];
    return Model ? new Model(manifest as never) : undefined;
  };

  it('validates every manifest against the Kubernetes and CloudNativePG schemas', () => {
    for (const manifest of manifests as (Manifest & { apiVersion: string })[]) {
      const checked = model(manifest);
      expect(checked, `${manifest.apiVersion} ${manifest.kind} has no schema here`).toBeDefined();
      expect(() => checked!.validate(), `${manifest.kind} ${manifest.metadata.name}`).not.toThrow();
    }
    // The validator does catch a mistake.
    const broken = structuredClone(ofKind('Deployment')[0]) as Manifest & { apiVersion: string };
    (broken.spec.template!.spec.containers[0].ports[0] as { containerPort: unknown }).containerPort = 'four thousand';
    expect(() => model(broken)!.validate()).toThrow('containerPort must be integer');
  });

  it('gives each subgraph its own database in the cluster, migrated by one job before its replicas start', () => {
    const [cluster] = ofKind('Cluster') as unknown as { metadata: { name: string } }[];
    const databases = ofKind('Database') as unknown as { spec: { name: string; owner: string; cluster: { name: string } } }[];
    expect(databases.map((database) => database.spec.name).sort()).toEqual(SUBGRAPHS.map((name) => `waymark_${name}`).sort());
    for (const database of databases) expect(database.spec.cluster.name).toBe(cluster.metadata.name);
    const [job] = ofKind('Job');
    const migrating = job.spec.template!.spec.containers;
    expect(migrating.map((container) => container.command).sort()).toEqual(SUBGRAPHS.map((name) => ['node', entryOf(name)]).sort());
    for (const container of migrating) expect(container.env.find((variable) => variable.name === 'WAYMARK_MIGRATE')?.value).toBe('only');
    for (const deployment of ofKind('Deployment').filter((d) => d.metadata.name !== 'gateway')) {
      const env = deployment.spec.template!.spec.containers[0].env;
      expect(env.find((variable) => variable.name === 'WAYMARK_MIGRATE')?.value, deployment.metadata.name).toBe('skip');
    }
  });

  it('lets only the gateway, and the subgraphs that call one on a caller’s behalf, reach a subgraph', () => {
    interface Policy {
      metadata: { name: string };
      spec: { podSelector: { matchLabels?: Record<string, string> }; ingress?: { from?: { podSelector?: { matchLabels: Record<string, string> } }[] }[] };
    }
    const policies = ofKind('NetworkPolicy') as unknown as Policy[];
    const denyAll = policies.find((policy) => Object.keys(policy.spec.podSelector.matchLabels ?? {}).length === 0);
    expect(denyAll?.spec.ingress ?? []).toEqual([]);
    // Who calls whom, read from the Deployments' own addresses.
    const callers = (subgraph: string) =>
      ofKind('Deployment')
        .filter((deployment) =>
          deployment.spec.template!.spec.containers[0].env.some((variable) => variable.value === `http://${subgraph}:${portOf(subgraph)}/graphql`),
        )
        .map((deployment) => deployment.metadata.name)
        .filter((name) => name !== subgraph)
        .sort();
    for (const subgraph of SUBGRAPHS) {
      const policy = policies.find((each) => each.spec.podSelector.matchLabels?.['app.kubernetes.io/name'] === subgraph);
      const allowed = (policy?.spec.ingress ?? []).flatMap((rule) =>
        (rule.from ?? []).map((source) => source.podSelector?.matchLabels['app.kubernetes.io/name']),
      );
      expect(allowed.sort(), subgraph).toEqual(callers(subgraph));
      expect(allowed, subgraph).toContain('gateway');
    }
  });

  it('scales every Deployment on its processor use and keeps one replica up through voluntary disruptions', () => {
    const scaled = ofKind('HorizontalPodAutoscaler') as unknown as { spec: { scaleTargetRef: { name: string }; minReplicas: number } }[];
    expect(scaled.map((hpa) => hpa.spec.scaleTargetRef.name).sort()).toEqual(PROCESSES);
    for (const hpa of scaled) expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);
    const budgets = ofKind('PodDisruptionBudget') as unknown as { spec: { minAvailable: number; selector: { matchLabels: Record<string, string> } } }[];
    expect(budgets.map((pdb) => pdb.spec.selector.matchLabels['app.kubernetes.io/name']).sort()).toEqual(PROCESSES);
  });

  it('sends each Service to its listed port, and reaches subgraphs on that same port', () => {
    for (const service of ofKind('Service')) {
      const name = service.metadata.name;
      expect(
        service.spec.ports?.map((p) => p.targetPort),
        name,
      ).toEqual([portOf(name)]);
      if (name !== 'gateway')
        expect(
          service.spec.ports?.map((p) => p.port),
          name,
        ).toEqual([portOf(name)]);
    }
  });
});
