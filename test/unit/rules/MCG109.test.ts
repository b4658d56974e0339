import { yamlRuleTable } from '../../support/yaml-rule-table.js';
import { rule } from '../../../src/rules/compose/MCG109-env-secret-literal.js';

yamlRuleTable(rule, {
  fires: [
    { name: 'map form', yaml: 'services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: hunter2\n', lines: [4], keys: ['services.db.environment.POSTGRES_PASSWORD'] },
    { name: 'list form', yaml: 'services:\n  a:\n    environment:\n      - LOG_LEVEL=debug\n      - GITHUB_TOKEN=ghp_example\n', lines: [5] },
    { name: 'environment from an anchor via merge key', yaml: 'x-env: &env\n  OPENAI_API_KEY: sk-example\nservices:\n  a:\n    environment:\n      <<: *env\n      MODE: prod\n', lines: [2] },
    { name: 'number value', yaml: 'services:\n  a:\n    environment:\n      PIN_SECRET: 12345\n', lines: [4] },
    { name: 'credential IDs', yaml: 'services:\n  a:\n    environment:\n      AWS_ACCESS_KEY_ID: AKIAIOSFODNN7EXAMPLE\n', lines: [4] },
    { name: 'list form secret id', yaml: 'services:\n  a:\n    environment:\n      - VAULT_SECRET_ID=6a174c20-f6de\n', lines: [4] },
  ],
  passes: [
    { name: 'references', yaml: 'services:\n  a:\n    environment:\n      API_KEY: ${API_KEY}\n      DB_PASSWORD: ${DB_PASSWORD:-}\n      AUTH_TOKEN: "Bearer ${TOKEN}"\n' },
    { name: 'passed through from the environment', yaml: 'services:\n  a:\n    environment:\n      - GITHUB_TOKEN\n      - API_KEY=${API_KEY:?set it}\n' },
    { name: '_FILE path and non-secret names', yaml: 'services:\n  a:\n    environment:\n      POSTGRES_PASSWORD_FILE: /run/secrets/db\n      LOG_LEVEL: info\n      CORS_ALLOW_CREDENTIALS: "true"\n' },
    { name: 'paths and switches', yaml: 'services:\n  a:\n    environment:\n      GOOGLE_APPLICATION_CREDENTIALS: /credentials/sa.json\n      SSH_PRIVATE_KEY: ~/.ssh/id_ed25519\n      FEATURE_TOKEN_REQUIRED: "0"\n' },
    { name: 'empty value', yaml: 'services:\n  a:\n    environment:\n      API_KEY:\n      TOKEN: ""\n' },
  ],
});
