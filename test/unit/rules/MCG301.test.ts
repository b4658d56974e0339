import { yamlRuleTable } from '../../support/yaml-rule-table.js';
import { rule } from '../../../src/rules/workflow/MCG301-build-without-scan.js';

const head = 'name: release\non: push\njobs:\n';

yamlRuleTable(rule, {
  fires: [
    {
      name: 'build-push-action without a scan',
      yaml: head + '  image:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - name: Build\n        uses: docker/build-push-action@v6\n        with:\n          push: true\n',
      lines: [9],
      keys: ['jobs.image.steps.Build'],
    },
    {
      name: 'docker build in a run script',
      yaml: head + '  image:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          docker build -t ghcr.io/acme/mcp:${{ github.sha }} .\n          docker push ghcr.io/acme/mcp:${{ github.sha }}\n',
      lines: [7],
    },
    {
      name: 'buildx build; a later job only runs tests',
      yaml: head + '  build:\n    runs-on: ubuntu-latest\n    steps:\n      - id: b\n        run: docker buildx build --push -t acme/mcp:1 .\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm test\n',
      lines: [8],
    },
  ],
  passes: [
    {
      name: 'trivy-action in another job',
      yaml: head + '  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: docker/build-push-action@v6\n  scan:\n    needs: build\n    runs-on: ubuntu-latest\n    steps:\n      - uses: aquasecurity/trivy-action@0.28.0\n        with:\n          image-ref: acme/mcp:1\n',
    },
    {
      name: 'grype on the command line',
      yaml: head + '  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: docker build -t acme/mcp:1 .\n      - run: grype acme/mcp:1 --fail-on high\n',
    },
    {
      name: 'calls this action',
      yaml: head + '  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: docker build -t acme/mcp:1 .\n      - uses: mcp-container-guard/mcp-container-guard@0123456789abcdef0123456789abcdef01234567\n',
    },
    {
      name: 'no image build at all',
      yaml: head + '  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "docker builds happen elsewhere"\n      - run: npm test\n',
    },
  ],
});
