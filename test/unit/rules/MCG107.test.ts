import { yamlRuleTable } from '../../support/yaml-rule-table.js';
import { rule } from '../../../src/rules/compose/MCG107-memory-limit.js';

yamlRuleTable(rule, {
  fires: [
    { name: 'no limit at all', yaml: 'services:\n  a:\n    image: a:1\n', lines: [2] },
    { name: 'only a reservation', yaml: 'services:\n  a:\n    deploy:\n      resources:\n        reservations:\n          memory: 256M\n', lines: [2] },
    { name: 'a limit of 0 (compose: no limit)', yaml: 'services:\n  a:\n    mem_limit: 0\n    deploy:\n      resources:\n        limits:\n          memory: 0m\n', lines: [2] },
    { name: 'a plain YAML float (compose: no limit)', yaml: 'services:\n  a:\n    mem_limit: 1.5\n', lines: [2] },
    { name: 'a plain YAML float under deploy (compose: no limit)', yaml: 'services:\n  a:\n    deploy:\n      resources:\n        limits:\n          memory: 1.5\n', lines: [2] },
    { name: 'cpu limit only', yaml: 'services:\n  a:\n    deploy:\n      resources:\n        limits:\n          cpus: "0.5"\n', lines: [2] },
  ],
  passes: [
    { name: 'deploy.resources.limits.memory', yaml: 'services:\n  a:\n    deploy:\n      resources:\n        limits:\n          memory: 512M\n' },
    { name: 'legacy mem_limit', yaml: 'services:\n  a:\n    mem_limit: 512m\n' },
    { name: 'limit from an interpolated value', yaml: 'services:\n  a:\n    mem_limit: ${MEM:-1g}\n' },
    { name: 'deploy block shared through a merge key', yaml: 'x-deploy: &deploy\n  deploy:\n    resources:\n      limits: {memory: 1G}\nservices:\n  a:\n    <<: *deploy\n' },
  ],
});
