import { yamlRuleTable } from '../../support/yaml-rule-table.js';
import { rule } from '../../../src/rules/workflow/MCG302-unpinned-action.js';

const head = 'name: release\non: push\njobs:\n';
const sha = '0123456789abcdef0123456789abcdef01234567';

yamlRuleTable(rule, {
  fires: [
    {
      name: 'build-push-action by tag',
      yaml: head + '  image:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: docker/login-action@v3\n      - uses: docker/build-push-action@v6\n',
      lines: [8, 9],
      keys: ['jobs.image.steps.1.uses|docker/login-action', 'jobs.image.steps.2.uses|docker/build-push-action'],
    },
    {
      name: 'branch ref on a scanner, build by command',
      yaml: head + '  image:\n    runs-on: ubuntu-latest\n    steps:\n      - run: docker build -t a:1 .\n      - uses: aquasecurity/trivy-action@master\n',
      lines: [8],
      message: '"master"',
    },
    {
      name: 'reusable workflow by tag in an image workflow',
      yaml: head + '  scan:\n    uses: acme/workflows/.github/workflows/scan.yml@v1\n  image:\n    runs-on: ubuntu-latest\n    steps:\n      - run: docker push acme/mcp:1\n',
      lines: [5],
    },
  ],
  passes: [
    { name: 'pinned by SHA', yaml: head + `  image:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: docker/build-push-action@${sha} # v6\n` },
    { name: 'not an image workflow', yaml: head + '  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/setup-node@v4\n      - uses: codecov/codecov-action@v4\n' },
    { name: 'first-party and local actions only', yaml: head + '  image:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: github/codeql-action/upload-sarif@v3\n      - uses: ./.github/actions/build\n      - uses: docker://alpine:3.20\n      - run: docker build .\n' },
  ],
});
