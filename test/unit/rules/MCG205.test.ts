import { yamlRuleTable } from '../../support/yaml-rule-table.js';
import { deployment, hardened } from '../../support/k8s-fixtures.js';
import { rule } from '../../../src/rules/k8s/MCG205-dangerous-capabilities.js';

yamlRuleTable(rule, {
  fires: [
    { name: 'SYS_ADMIN', yaml: deployment({ container: ['securityContext:', '  capabilities:', '    add:', '      - SYS_ADMIN'] }), lines: [14], keys: ['Deployment/default/api|containers.app.securityContext.capabilities.add.SYS_ADMIN'] },
    { name: 'ALL and NET_ADMIN', yaml: deployment({ container: ['securityContext:', '  capabilities:', '    add: [ALL, NET_ADMIN]'] }), lines: [13, 13] },
    { name: 'CAP_SYS_PTRACE in an init container', yaml: deployment({ pod: ['initContainers:', '  - name: dbg', '    image: dbg:1', '    securityContext:', '      capabilities:', '        add: [CAP_SYS_PTRACE]'] }), lines: [13] },
  ],
  passes: [
    { name: 'NET_BIND_SERVICE', yaml: deployment({ container: ['securityContext:', '  capabilities:', '    add: [NET_BIND_SERVICE]'] }) },
    { name: 'dangerous only in drop', yaml: deployment({ container: ['securityContext:', '  capabilities:', '    drop: [SYS_ADMIN]'] }) },
    { name: 'no capabilities', yaml: deployment({ container: hardened }) },
  ],
});
