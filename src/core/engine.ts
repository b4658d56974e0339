// TEMP: another branch edits scanners/trufflehog.ts, which still imports from here. Removed at merge (import src/core/rule-hits.ts).
export { fingerprintKeyDigest } from './rule-hits.js';
