/**
 * Dockerfiles the e2e tests build, kept in one place so that the builder cross-check
 * (test/e2e/read-differently.test.ts) builds every one of them too and finds no MCG992 on any.
 */

/** test/e2e/faults.test.ts: one image for every fault case (python:3.12-slim: the fixture DB has CVEs for it). */
export const FAULTS_DOCKERFILE = ['FROM python:3.12-slim', 'COPY app.txt /app/app.txt', 'CMD ["python3","-c","print(1)"]', ''].join('\n');

/** test/e2e/secret-hygiene.test.ts: planted secrets in ENV, layers and a build arg (NPM_TOKEN). */
export function hygieneDockerfile(s: { stripe: string; slackWebhook: string }): string {
  return [
    'FROM debian:bookworm-slim',
    'ARG NPM_TOKEN',
    `ENV STRIPE_API_KEY=${s.stripe}`,
    `ENV SLACK_WEBHOOK_URL=${s.slackWebhook}`,
    'COPY creds.txt /app/creds.txt',
    'COPY key.pem /app/key.pem',
    'RUN test -n "$NPM_TOKEN" && echo configured > /app/npm.txt',
    'USER 1000',
    'CMD ["cat","/app/npm.txt"]',
    '',
  ].join('\n');
}

/** test/e2e/action-publish.test.ts: a Dockerfile with many failing findings (60 literal secrets). */
export const PUBLISH_FAILING_DOCKERFILE = ['FROM node:22-slim', ...Array.from({ length: 60 }, (_, i) => `ENV API_TOKEN_${i + 1}=abc${i + 1}`), 'CMD ["node","server.js"]', ''].join('\n');

/** test/e2e/injection.test.ts: the workspace's own Dockerfile, and the one that copies its context. */
export const INJECTION_DOCKERFILE = 'FROM node:22-slim\nUSER node\nCMD ["node", "server.js"]\n';
export const INJECTION_COPY_DOCKERFILE = 'FROM node:22-slim\nCOPY . /app\nUSER node\n';
