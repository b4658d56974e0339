import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isLiteralSecretValue, isPathValue, isSecretName, notLiteralReason } from '../../../src/core/secret-names.js';
import { runDockerfileRule } from '../../support/rule-table.js';
import { runYamlRule } from '../../support/yaml-rule-table.js';
import { deployment } from '../../support/k8s-fixtures.js';
import { rule as mcg009 } from '../../../src/rules/dockerfile/MCG009-literal-secret.js';
import { rule as mcg010 } from '../../../src/rules/dockerfile/MCG010-secret-build-arg.js';
import { rule as mcg109 } from '../../../src/rules/compose/MCG109-env-secret-literal.js';
import { rule as mcg213 } from '../../../src/rules/k8s/MCG213-env-secret-literal.js';

describe('secret-like names', () => {
  it.each(['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'VAULT_SECRET_ID', 'ACCESS_KEY', 'GITHUB_TOKEN', 'DB_PASSWORD', 'SSH_PRIVATE_KEY', 'GOOGLE_APPLICATION_CREDENTIALS', 'OPENAI_API_KEY', 'apikey', 'KEY_PASSPHRASE', 'CLIENT_SECRET'])('%s is secret-like', (n) => {
    expect(isSecretName(n)).toBe(true);
  });
  it.each(['PASSWORD_FILE', 'TOKEN_URL', 'API_KEY_HEADER', 'SECRET_NAME', 'TOKEN_ID', 'CLIENT_ID', 'TOKEN_TTL', 'PORT', 'LOG_LEVEL', 'KEYCLOAK_HOST'])('%s is not', (n) => {
    expect(isSecretName(n)).toBe(false);
  });
});

describe('literal values', () => {
  it.each([
    ['/credentials/sa.json', 'a path'],
    ['/run/secrets/db', 'a path'],
    ['~/.aws/credentials', 'a path'],
    ['./token.txt', 'a path'],
    ['${TOKEN}', 'a variable reference'],
    ['$TOKEN', 'a variable reference'],
    ['$(TOKEN)', 'a variable reference'],
    ['Bearer ${TOKEN}', 'a variable reference'],
    ['', 'empty'],
    ['  ', 'empty'],
    ['false', 'a switch'],
  ])('%j is not a literal secret (%s)', (v, why) => {
    expect(notLiteralReason(v)).toBe(why);
  });
  it.each(['hunter2', 'changeme', 'sk-proj-abc', 'AKIAIOSFODNN7EXAMPLE', '/abc', '/ab+c/de==', 'pa$$word', '12345'])('%j is a literal secret', (v) => {
    expect(isLiteralSecretValue(v)).toBe(true);
  });
  it('a base64 value with slashes is not a path', () => {
    expect(isPathValue('/kT9+x/Qz1w==')).toBe(false);
  });
});

const segment = fc.constantFrom('AWS', 'VAULT', 'DB', 'ACCESS', 'KEY', 'ID', 'SECRET', 'TOKEN', 'API', 'APIKEY', 'PASSWORD', 'FILE', 'PATH', 'URL', 'NAME', 'PRIVATE', 'CLIENT', 'PORT', 'CREDENTIALS', 'AUTH', 'X1');
const name = fc.array(segment, { minLength: 1, maxLength: 4 }).map((parts) => parts.join('_'));
const value = fc.oneof(
  fc.constantFrom('hunter2', '/credentials/sa.json', '${OTHER}', 'Bearer ${T}', 'true', '0', 'AKIAIOSFODNN7EXAMPLE', '~/.ssh/id_rsa', '/abc'),
  fc.stringMatching(/^[A-Za-z0-9/+._-]{1,16}$/),
);

/** Each rule's verdict on one `name=value`; the value is written so each format reads it verbatim. */
function verdicts(n: string, v: string): { mcg009: boolean; mcg010: boolean; mcg109: boolean; mcg213: boolean } {
  const q = JSON.stringify(v);
  return {
    mcg009: runDockerfileRule(mcg009, { name: 'p', dockerfile: `FROM alpine:3.20\nENV ${n}=${q}\n` }).length > 0,
    mcg010: runDockerfileRule(mcg010, { name: 'p', dockerfile: `FROM alpine:3.20\nARG ${n}\n` }).length > 0,
    mcg109: runYamlRule(mcg109, 'compose', `services:\n  a:\n    environment:\n      ${n}: ${q}\n`).length > 0,
    mcg213: runYamlRule(mcg213, 'k8s', deployment({ container: ['env:', `  - name: ${n}`, `    value: ${q}`] })).length > 0,
  };
}

describe('one judgement for the four rules', () => {
  it('a name is judged the same by MCG009, MCG010, MCG109 and MCG213', () => {
    fc.assert(
      fc.property(name, (n) => {
        const r = verdicts(n, 'hunter2-x9');
        const expected = isSecretName(n);
        expect(r).toEqual({ mcg009: expected, mcg010: expected, mcg109: expected, mcg213: expected });
      }),
      { numRuns: 300 },
    );
  });
  it('a value is judged the same by MCG009, MCG109 and MCG213', () => {
    fc.assert(
      fc.property(value, (v) => {
        const r = verdicts('API_TOKEN', v);
        const expected = isLiteralSecretValue(v);
        expect([r.mcg009, r.mcg109, r.mcg213]).toEqual([expected, expected, expected]);
      }),
      { numRuns: 300 },
    );
  });
});
