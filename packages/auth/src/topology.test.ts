import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { Namespace, Service } from 'kubernetes-models/v1';
import { Deployment } from 'kubernetes-models/apps/v1';
import { CronJob, Job } from 'kubernetes-models/batch/v1';
import { Ingress, NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { Cluster, Database } from '@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1';
import { GATEWAY_PORT, localSubgraphUrl, SUBGRAPH_PORTS, subgraphPort, subgraphUrlVariable, SUBGRAPHS, type SubgraphName } from './topology.js';

const infra = fileURLToPath(new URL('../../../infra/', import.meta.url));
const packages = fileURLToPath(new URL('../../', import.meta.url));
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
  interface Container {
    command: string[];
    ports: { containerPort: number }[];
    env: { name: string; value?: string; valueFrom?: { secretKeyRef?: { name: string; key: string } } }[];
    readinessProbe: { httpGet: { path: string; port: number } };
    livenessProbe: { httpGet: { path: string; port: number } };
    resources?: { requests?: { cpu?: string; memory?: string }; limits?: { memory?: string } };
  }
  interface PodTemplate {
    metadata: { labels: Record<string, string> };
    spec: { containers: Container[] };
  }
  interface CronJobSpec {
    schedule: string;
    timeZone?: string;
    concurrencyPolicy?: string;
    jobTemplate: { spec: { template: PodTemplate } };
  }
  interface Manifest {
    kind: string;
    metadata: { name: string; labels?: Record<string, string> };
    spec: {
      ports?: { port: number; targetPort: number }[];
      selector?: { matchLabels: Record<string, string> };
      template?: { metadata: { labels: Record<string, string> }; spec: { containers: Container[] } };
    };
  }
  const files = readdirSync(`${infra}k8s`).filter((file) => /\.ya?ml$/.test(file));
  const manifests = files.flatMap((file) => parseAllDocuments(readFileSync(`${infra}k8s/${file}`, 'utf8')).map((document) => document.toJS() as Manifest));
  const ofKind = (kind: string) => manifests.filter((manifest) => manifest.kind === kind);
  /** The nightly jobs: each CronJob's name and the pod it runs. */
  const cronJobs = () =>
    (ofKind('CronJob') as unknown as { metadata: { name: string }; spec: CronJobSpec }[]).map((cron) => ({
      name: cron.metadata.name,
      spec: cron.spec,
      pod: cron.spec.jobTemplate.spec.template,
    }));

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
      'batch/v1/CronJob': CronJob,
      'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
      'networking.k8s.io/v1/Ingress': Ingress,
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
    // So does the operator's schema: a Database must say which cluster it is in.
    const orphan = structuredClone(ofKind('Database')[0]) as unknown as Manifest & { apiVersion: string; spec: { cluster?: unknown } };
    delete orphan.spec.cluster;
    expect(() => model(orphan)!.validate()).toThrow('cluster');
  });

  it('probes every Deployment on /ready and /health and gives it processor and memory requests and a memory limit', () => {
    for (const deployment of ofKind('Deployment')) {
      const name = deployment.metadata.name;
      for (const container of deployment.spec.template!.spec.containers) {
        expect([container.readinessProbe.httpGet.path, container.livenessProbe.httpGet.path], name).toEqual(['/ready', '/health']);
        expect(container.resources?.requests?.cpu, `${name}: cpu request`).toMatch(/^\d+m?$/);
        expect(container.resources?.requests?.memory, `${name}: memory request`).toMatch(/^\d+[MG]i$/);
        expect(container.resources?.limits?.memory, `${name}: memory limit`).toMatch(/^\d+[MG]i$/);
      }
    }
  });

  it('takes every password and key from a secret, never from the manifest itself', () => {
    const containers = [
      ...[...ofKind('Deployment'), ...ofKind('Job')].flatMap((m) => m.spec.template!.spec.containers.map((c) => [m.metadata.name, c] as const)),
      ...cronJobs().flatMap((cron) => cron.pod.spec.containers.map((c) => [cron.name, c] as const)),
    ];
    expect(containers.length).toBeGreaterThan(PROCESSES.length);
    for (const [name, container] of containers)
      for (const variable of container.env) {
        if (/PASSWORD|KEY|SECRET|SMTP_URL/.test(variable.name)) {
          expect(variable.value, `${name}: ${variable.name}`).toBeUndefined();
          expect(variable.valueFrom?.secretKeyRef?.name, `${name}: ${variable.name}`).toBeDefined();
        }
        // An address names its password by reference only: nothing between the user and the @ but $(DATABASE_PASSWORD).
        if (variable.name === 'DATABASE_URL') expect(variable.value, name).toMatch(/^postgres:\/\/[a-z_]+:\$\(DATABASE_PASSWORD\)@/);
      }
  });

  interface ClusterManifest {
    metadata: { name: string };
    spec: {
      postgresql: { parameters: Record<string, string>; pg_hba: string[] };
      managed: { roles: { name: string; login?: boolean; inRoles?: string[]; passwordSecret?: { name: string } }[] };
    };
  }
  const envOf = (container: Container) => Object.fromEntries(container.env.map((variable) => [variable.name, variable]));

  it('gives each subgraph its own role, secret and database in the cluster, and that role nothing else', () => {
    const [cluster] = ofKind('Cluster') as unknown as ClusterManifest[];
    const databases = ofKind('Database') as unknown as { spec: { name: string; owner: string; cluster: { name: string } } }[];
    expect(databases.map((database) => database.spec.name).sort()).toEqual(SUBGRAPHS.map((name) => `waymark_${name}`).sort());
    const roles = cluster.spec.managed.roles;
    // The rules of pg_hba as PostgreSQL reads them: the first that matches a connection decides.
    const rules = cluster.spec.postgresql.pg_hba.map((line) => line.split(/\s+/));
    const decides = (database: string, role: string) =>
      rules.find(([, databases, users]) => (databases === 'all' || databases.split(',').includes(database)) && users.split(',').includes(role))?.at(-1);
    for (const database of databases) {
      const name = database.spec.name.replace(/^waymark_/, '');
      expect(database.spec.cluster.name, name).toBe(cluster.metadata.name);
      expect(database.spec.owner, name).toBe(`waymark_${name}`);
      const role = roles.find((each) => each.name === database.spec.owner);
      expect(role, name).toMatchObject({ login: true, inRoles: ['waymark_app'], passwordSecret: { name: `waymark-db-${name}` } });
      // The subgraph and its job sign in as that role, to that database, with that secret's password.
      const users = [...ofKind('Deployment'), ...ofKind('Job')].filter((m) => m.spec.template!.spec.containers[0].command[1] === entryOf(name));
      expect(users.map((m) => m.kind).sort(), name).toEqual(['Deployment', 'Job']);
      for (const user of users) {
        const env = envOf(user.spec.template!.spec.containers[0]);
        expect(env.DATABASE_PASSWORD?.valueFrom?.secretKeyRef, `${user.kind} ${name}`).toEqual({ name: `waymark-db-${name}`, key: 'password' });
        expect(new URL(env.DATABASE_URL?.value ?? '').username, `${user.kind} ${name}`).toBe(`waymark_${name}`);
        expect(new URL(env.DATABASE_URL?.value ?? '').pathname, `${user.kind} ${name}`).toBe(`/waymark_${name}`);
      }
      for (const other of databases)
        expect(decides(other.spec.name, `waymark_${name}`), `${name} opening ${other.spec.name}`).toBe(other === database ? 'scram-sha-256' : 'reject');
    }
    // The role requests act as cannot sign in at all.
    expect(roles.find((each) => each.name === 'waymark_app')?.login).toBe(false);
  });

  it('migrates in one job per subgraph only; the replicas never migrate', () => {
    const jobs = ofKind('Job');
    expect(jobs.map((job) => job.spec.template!.spec.containers.map((container) => container.command)).sort()).toEqual(
      SUBGRAPHS.map((name) => [['node', entryOf(name)]]).sort(),
    );
    for (const job of jobs) {
      expect(envOf(job.spec.template!.spec.containers[0]).WAYMARK_MIGRATE?.value, job.metadata.name).toBe('only');
      // Its pods are no Deployment's (no Service, budget or autoscaler counts them), but the database lets them in.
      const labels = job.spec.template!.metadata.labels;
      for (const deployment of ofKind('Deployment'))
        expect(
          Object.entries(deployment.spec.selector!.matchLabels).every(([key, value]) => labels[key] === value),
          job.metadata.name,
        ).toBe(false);
      expect(labels['app.kubernetes.io/name']).toBe('waymark-migrate');
    }
    for (const deployment of ofKind('Deployment').filter((d) => d.metadata.name !== 'gateway'))
      expect(envOf(deployment.spec.template!.spec.containers[0]).WAYMARK_MIGRATE?.value, deployment.metadata.name).toBe('skip');
    expect(envOf(ofKind('Deployment').find((d) => d.metadata.name === 'gateway')!.spec.template!.spec.containers[0]).DATABASE_URL).toBeUndefined();
  });

  it("lets the database take every connection the subgraphs may open at their autoscalers' most", () => {
    // Each replica's pool (subgraph-kit's database.ts), read from the source so a bigger pool fails here.
    const pool = Number(/pool: \{ min: \d+, max: (\d+) \}/.exec(readFileSync(`${packages}subgraph-kit/src/database.ts`, 'utf8'))?.[1]);
    expect(pool).toBeGreaterThan(0);
    const scaled = ofKind('HorizontalPodAutoscaler') as unknown as { spec: { scaleTargetRef: { name: string }; maxReplicas: number } }[];
    const replicas = scaled.filter((hpa) => hpa.spec.scaleTargetRef.name !== 'gateway').reduce((sum, hpa) => sum + hpa.spec.maxReplicas, 0);
    const [cluster] = ofKind('Cluster') as unknown as ClusterManifest[];
    // superuser_reserved_connections (3) and the operator's and replication's own, with room to spare: 20.
    expect((replicas + ofKind('Job').length + ofKind('CronJob').length) * pool + 20).toBeLessThanOrEqual(
      Number(cluster.spec.postgresql.parameters.max_connections),
    );
  });

  it('lets only the gateway, the subgraphs that call one on a caller’s behalf and the nightly jobs that call it reach a subgraph', () => {
    interface Policy {
      metadata: { name: string };
      spec: { podSelector: { matchLabels?: Record<string, string> }; ingress?: { from?: { podSelector?: { matchLabels: Record<string, string> } }[] }[] };
    }
    const policies = ofKind('NetworkPolicy') as unknown as Policy[];
    const denyAll = policies.find((policy) => Object.keys(policy.spec.podSelector.matchLabels ?? {}).length === 0);
    expect(denyAll?.spec.ingress ?? []).toEqual([]);
    // Who calls whom, read from the Deployments' and the nightly jobs' own addresses, by their pods' names.
    const pods = [...ofKind('Deployment').map((deployment) => deployment.spec.template!), ...cronJobs().map((cron) => cron.pod)];
    const callers = (subgraph: string) =>
      pods
        .filter((pod) => pod.spec.containers[0].env.some((variable) => variable.value === `http://${subgraph}:${portOf(subgraph)}/graphql`))
        .map((pod) => pod.metadata.labels['app.kubernetes.io/name'])
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

  it('lets people reach the gateway only, through the ingress controller, and the database only its clients', () => {
    interface Peer {
      podSelector?: { matchLabels: Record<string, string> };
      namespaceSelector?: { matchLabels: Record<string, string> };
    }
    const policies = ofKind('NetworkPolicy') as unknown as {
      spec: { podSelector: { matchLabels?: Record<string, string> }; ingress?: { from?: Peer[] }[] };
    }[];
    const gateway = policies.find((policy) => policy.spec.podSelector.matchLabels?.['app.kubernetes.io/name'] === 'gateway')!;
    expect(gateway.spec.ingress?.flatMap((rule) => rule.from ?? [{}])).toEqual([
      { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } },
    ]);
    const [ingress] = ofKind('Ingress') as unknown as { spec: { rules: { http: { paths: { backend: { service: { name: string } } }[] } }[] } }[];
    expect(ingress.spec.rules.flatMap((rule) => rule.http.paths.map((path) => path.backend.service.name))).toEqual(['gateway']);
    // Every pod of ours has a policy of its own; the rest meet the default deny.
    const selected = policies.map((policy) => policy.spec.podSelector.matchLabels?.['app.kubernetes.io/name']);
    for (const name of PROCESSES) expect(selected, name).toContain(name);
    const database = policies.find((policy) => policy.spec.podSelector.matchLabels?.['cnpg.io/cluster'] === 'waymark-db')!;
    const clients = new Set(database.spec.ingress!.flatMap((rule) => (rule.from ?? []).map((peer) => peer.podSelector?.matchLabels['app.kubernetes.io/name'])));
    for (const name of SUBGRAPHS) expect(clients.has(name), name).toBe(true);
    expect(clients.has('waymark-migrate')).toBe(true);
    for (const cron of cronJobs()) expect(clients.has(cron.pod.metadata.labels['app.kubernetes.io/name']), cron.name).toBe(true);
    expect(clients.has('gateway')).toBe(false);
  });

  it('scales every Deployment on its processor use and keeps one replica up through voluntary disruptions', () => {
    const scaled = ofKind('HorizontalPodAutoscaler') as unknown as { spec: { scaleTargetRef: { name: string }; minReplicas: number } }[];
    expect(scaled.map((hpa) => hpa.spec.scaleTargetRef.name).sort()).toEqual(PROCESSES);
    for (const hpa of scaled) expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);
    const budgets = ofKind('PodDisruptionBudget') as unknown as { spec: { minAvailable: number; selector: { matchLabels: Record<string, string> } } }[];
    expect(budgets.map((pdb) => pdb.spec.selector.matchLabels['app.kubernetes.io/name']).sort()).toEqual(PROCESSES);
  });

  it('runs the nightly jobs (benchmark states, retention) as CronJobs of their subgraph, in England, never two at once', () => {
    const jobs = cronJobs();
    expect(jobs.map((cron) => cron.name).sort()).toEqual(['benchmark-states', 'retention']);
    const owners: Record<string, SubgraphName> = { 'benchmark-states': 'encounters', retention: 'pupils' };
    for (const cron of jobs) {
      const owner = owners[cron.name];
      const [container] = cron.pod.spec.containers;
      // The subgraph's own command line, which its tool really has.
      expect(container.command).toEqual(['node', `services/${owner}/dist/tool.js`, cron.name]);
      expect(readFileSync(`${infra}../services/${owner}/src/tool.ts`, 'utf8')).toContain(`'${cron.name}'`);
      expect(cron.spec.timeZone, cron.name).toBe('Europe/London');
      expect(cron.spec.concurrencyPolicy, cron.name).toBe('Forbid');
      expect(cron.spec.schedule, cron.name).toMatch(/^\d+ [0-5] \* \* \*$/);
      const env = envOf(container);
      expect(env.DATABASE_URL?.value, cron.name).toContain(`@waymark-db-rw:5432/waymark_${owner}`);
      expect(env.WAYMARK_MIGRATE, cron.name).toBeUndefined();
      expect(env.WAYMARK_CREDENTIAL_PRIVATE_KEY?.valueFrom?.secretKeyRef, cron.name).toEqual({ name: 'waymark-credential', key: 'private.pem' });
      expectAddressesFollowTheList(cron.name, Object.fromEntries(container.env.map((variable) => [variable.name, variable.value])));
      expect(container.resources?.limits?.memory, cron.name).toMatch(/^\d+[MG]i$/);
      // Its pods are no Deployment's.
      for (const deployment of ofKind('Deployment'))
        expect(
          Object.entries(deployment.spec.selector!.matchLabels).every(([key, value]) => cron.pod.metadata.labels[key] === value),
          cron.name,
        ).toBe(false);
    }
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
