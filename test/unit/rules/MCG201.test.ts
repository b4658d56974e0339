import { yamlRuleTable } from '../../support/yaml-rule-table.js';
import { deployment, hardened } from '../../support/k8s-fixtures.js';
import { rule } from '../../../src/rules/k8s/MCG201-run-as-non-root.js';

const cronJob = `apiVersion: batch/v1
kind: CronJob
metadata:
  name: nightly
  namespace: jobs
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          initContainers:
            - name: migrate
              image: app:1
              securityContext:
                runAsNonRoot: true
          containers:
            - name: run
              image: app:1
`;

yamlRuleTable(rule, {
  fires: [
    { name: 'nothing set: on the container name', yaml: deployment(), lines: [9], keys: ['Deployment/default/api|containers.app.securityContext.runAsNonRoot'] },
    { name: 'container overrides the pod with false', yaml: deployment({ pod: ['securityContext:', '  runAsNonRoot: true'], container: ['securityContext:', '  runAsNonRoot: false'] }), lines: [14] },
    { name: 'pod runAsUser 0', yaml: deployment({ pod: ['securityContext:', '  runAsNonRoot: true', '  runAsUser: 0'] }), lines: [10], message: 'UID 0' },
    { name: 'CronJob job template: only the container without it', yaml: cronJob, lines: [18], keys: ['CronJob/jobs/nightly|containers.run.securityContext.runAsNonRoot'] },
    { name: 'runAsUser non-zero but runAsNonRoot unset', yaml: deployment({ container: ['securityContext:', '  runAsUser: 10001'] }), lines: [9] },
  ],
  passes: [
    { name: 'pod-level runAsNonRoot', yaml: deployment({ pod: ['securityContext:', '  runAsNonRoot: true'] }) },
    { name: 'container-level runAsNonRoot', yaml: deployment({ container: hardened }) },
    { name: 'StatefulSet with pod setting and container runAsUser', yaml: deployment({ kind: 'StatefulSet', pod: ['securityContext:', '  runAsNonRoot: true'], container: ['securityContext:', '  runAsUser: 10001'] }) },
    { name: 'a Service has no pod template', yaml: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: api\nspec:\n  ports: [{port: 80}]\n' },
  ],
});
