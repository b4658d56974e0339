import { yamlRuleTable } from '../../support/yaml-rule-table.js';
import { deployment } from '../../support/k8s-fixtures.js';
import { rule } from '../../../src/rules/k8s/MCG207-probes.js';

yamlRuleTable(rule, {
  fires: [
    { name: 'no probes', yaml: deployment(), lines: [9], message: 'no livenessProbe and no readinessProbe' },
    { name: 'liveness only', yaml: deployment({ container: ['livenessProbe:', '  httpGet: {path: /health, port: 8080}'] }), lines: [9], message: 'no readinessProbe' },
    { name: 'StatefulSet readiness only', yaml: deployment({ kind: 'StatefulSet', container: ['readinessProbe:', '  tcpSocket: {port: 8080}'] }), lines: [9], message: 'no livenessProbe' },
  ],
  passes: [
    { name: 'both probes', yaml: deployment({ container: ['livenessProbe:', '  httpGet: {path: /health, port: 8080}', 'readinessProbe:', '  httpGet: {path: /ready, port: 8080}'] }) },
    { name: 'Job runs to completion', yaml: deployment({ kind: 'Job' }) },
    { name: 'init container needs none', yaml: deployment({ pod: ['initContainers:', '  - name: init', '    image: i:1'], container: ['livenessProbe:', '  exec: {command: [true]}', 'readinessProbe:', '  exec: {command: [true]}'] }) },
  ],
});
