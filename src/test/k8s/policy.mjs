// What the deployment promises beyond the schemas (issue: production-grade Kubernetes). Each rule
// returns a sentence when broken.
const find = (objects, kind, name) => objects.find((o) => o.kind === kind && (!name || o.metadata?.name === name));

function podRules(objects) {
  const broken = [];
  for (const workload of objects.filter((o) => ["Deployment", "StatefulSet", "Job", "CronJob"].includes(o.kind))) {
    const template = workload.kind === "CronJob" ? workload.spec.jobTemplate.spec.template : workload.spec.template;
    const pod = template.spec;
    const where = `${workload.kind} ${workload.metadata.name}`;
    if (pod.securityContext?.runAsNonRoot !== true) broken.push(`${where}: pod must run as non-root`);
    if (pod.securityContext?.seccompProfile?.type !== "RuntimeDefault") broken.push(`${where}: seccomp RuntimeDefault`);
    if (pod.automountServiceAccountToken !== false) broken.push(`${where}: no service account token (the API needs none)`);
    for (const c of pod.containers) {
      const sc = c.securityContext ?? {};
      if (sc.allowPrivilegeEscalation !== false) broken.push(`${where}/${c.name}: allowPrivilegeEscalation false`);
      if (sc.readOnlyRootFilesystem !== true) broken.push(`${where}/${c.name}: read-only root file system`);
      if (!(sc.capabilities?.drop ?? []).includes("ALL")) broken.push(`${where}/${c.name}: drop ALL capabilities`);
      if (!c.resources?.limits?.memory || !c.resources?.requests?.cpu) broken.push(`${where}/${c.name}: memory limit and CPU request`);
      for (const probe of ["startupProbe", "livenessProbe", "readinessProbe"]) {
        if (c[probe]?.httpGet?.port !== "management") broken.push(`${where}/${c.name}: ${probe} on the management port`);
      }
      if (!c.lifecycle?.preStop) broken.push(`${where}/${c.name}: a preStop hook (endpoints leave before the server stops)`);
    }
  }
  return broken;
}

function commonRules(objects) {
  const broken = [];
  for (const kind of ["Deployment", "Service", "HorizontalPodAutoscaler", "PodDisruptionBudget", "NetworkPolicy", "PodMonitor", "PrometheusRule"]) {
    if (!find(objects, kind)) broken.push(`a ${kind} is missing`);
  }
  const policy = find(objects, "NetworkPolicy", "satupintu");
  if (policy && !(policy.spec.policyTypes.includes("Ingress") && policy.spec.policyTypes.includes("Egress"))) {
    broken.push("the NetworkPolicy must restrict both ingress and egress");
  }
  const dashboard = objects.find((o) => o.kind === "ConfigMap" && o.metadata.labels?.grafana_dashboard === "1");
  if (!dashboard) broken.push("the Grafana dashboard ConfigMap is missing");
  else JSON.parse(Object.values(dashboard.data)[0]);
  return broken;
}

function overlayRules(overlay, objects) {
  if (overlay === "base") return [];
  const broken = [];
  const namespace = find(objects, "Namespace");
  if (namespace?.metadata.labels?.["pod-security.kubernetes.io/enforce"] !== "restricted") {
    broken.push(`${overlay}: its Namespace enforces Pod Security "restricted"`);
  }
  const cluster = find(objects, "Cluster");
  if (!cluster) return [...broken, `${overlay}: a CloudNativePG Cluster`];
  const config = find(objects, "ConfigMap", "satupintu-config").data;
  const primary = `${cluster.metadata.name}-rw`;
  if (!config.SATUPINTU_EVENTS_LISTEN_URL.includes(`//${primary}:`)) broken.push(`${overlay}: LISTEN goes to the primary ${primary}`);
  if (!config.QUARKUS_DATASOURCE_JDBC_URL.includes(`//${primary}:`)) broken.push(`${overlay}: Flyway goes to the primary ${primary}`);
  const deployment = find(objects, "Deployment", "satupintu");
  const env = deployment.spec.template.spec.containers[0].env ?? [];
  const fromOperator = (name) => env.find((e) => e.name === name)?.valueFrom?.secretKeyRef?.name === `${cluster.metadata.name}-app`;
  if (!fromOperator("QUARKUS_DATASOURCE_USERNAME") || !fromOperator("QUARKUS_DATASOURCE_PASSWORD")) {
    broken.push(`${overlay}: database credentials from the operator's Secret ${cluster.metadata.name}-app`);
  }
  if (overlay === "dev") {
    if (deployment.spec.replicas !== 1 || cluster.spec.instances !== 1) broken.push("dev: one replica, one instance");
  }
  if (overlay === "prod") {
    if (deployment.spec.replicas !== 3) broken.push("prod: three replicas");
    const zones = (deployment.spec.template.spec.topologySpreadConstraints ?? [])
      .find((t) => t.topologyKey === "topology.kubernetes.io/zone" && t.whenUnsatisfiable === "DoNotSchedule");
    if (!zones) broken.push("prod: replicas spread over zones");
    if (cluster.spec.instances !== 3) broken.push("prod: three PostgreSQL instances");
    if (!(cluster.spec.postgresql?.synchronous?.number >= 1)) broken.push("prod: a synchronous standby");
    if (!cluster.spec.backup?.barmanObjectStore) broken.push("prod: backups to object storage");
    if (!find(objects, "ScheduledBackup")) broken.push("prod: a ScheduledBackup");
    const pooler = find(objects, "Pooler");
    if (!pooler || pooler.spec.type !== "rw") broken.push("prod: a PgBouncer Pooler on the primary");
    else if (!config.QUARKUS_DATASOURCE_REACTIVE_URL.includes(`//${pooler.metadata.name}:`)) broken.push("prod: the pool goes through the Pooler");
    if (find(objects, "PodDisruptionBudget").spec.minAvailable < 2) broken.push("prod: at least two replicas stay through a disruption");
  }
  return broken;
}

export function brokenRules(overlay, objects) {
  return [...podRules(objects), ...commonRules(objects), ...overlayRules(overlay, objects)];
}
