/**
 * Which variables hold secrets, and which of their values are written-in secrets. One judgement
 * for every rule that reports a secret in a file (MCG009, MCG010, MCG109, MCG213) and for the
 * redaction helpers (MCG510, MCG514, the secret registry). Pure.
 */

/** Name parts that carry a secret. */
const SECRET_PART =
  /(PASSWORD|PASSWD|PASSPHRASE|SECRET|TOKEN|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CREDENTIAL|AUTH_?KEY|CLIENT_?SECRET)/i;

/**
 * Suffixes of names that point at a secret or describe it rather than hold it (`PASSWORD_FILE`,
 * `TOKEN_URL`, `API_KEY_HEADER`, `SECRET_NAME`, `TOKEN_TTL` …).
 */
const DESCRIBES_A_SECRET = /(_FILE|_PATH|_DIR|_NAME|_ID|_LENGTH|_TTL|_EXPIRY|_EXPIRES|_TYPE|_HEADER|_ENDPOINT|_URL|_HOST|_PORT)$/i;

/**
 * `_ID` names that are credentials all the same: an AWS access key ID is half of a key pair (and
 * names the account), a Vault AppRole `secret_id` is the password of the role.
 */
const CREDENTIAL_ID = /(ACCESS_?KEY_ID|SECRET_ID)$/i;

/** True when a variable of this name is meant to hold a secret. */
export function isSecretName(name: string): boolean {
  if (!SECRET_PART.test(name)) return false;
  return CREDENTIAL_ID.test(name) || !DESCRIBES_A_SECRET.test(name);
}

/** Values that switch something on or off (`AUTH_TOKEN_REQUIRED=false`): configuration, not a secret. */
const SWITCH_VALUE = /^(true|false|yes|no|on|off|0|1|none|null)$/i;

/**
 * A reference to another variable anywhere in the value: `$VAR`, `${VAR…}` (shell, Dockerfile,
 * compose) or `$(VAR)` (Kubernetes). `$$` is an escaped dollar in compose and Kubernetes.
 */
const REFERENCE = /(^|[^$])(\$\$)*\$(\{[A-Za-z_]|[A-Za-z_]|\()/;

/**
 * A file-system location: absolute (`/run/secrets/db`), relative (`./sa.json`, `../x`), home
 * (`~/.aws/credentials`) or a Windows drive path. A bare `/abc` (one segment, no extension) could be
 * a base64 secret and is not taken for a path.
 */
const PATH_CHARS = /^(?:~|\.{1,2}|[A-Za-z]:)?[/\\][\w.@+-]+(?:[/\\][\w.@+-]*)*$/;
const PATH_SHAPE = /[/\\][^/\\]*[/\\]|\.[A-Za-z0-9]{1,8}$/;

export function isPathValue(value: string): boolean {
  const v = value.trim();
  if (/^(?:~|\.{1,2})[/\\]/.test(v) && PATH_CHARS.test(v)) return true;
  return PATH_CHARS.test(v) && PATH_SHAPE.test(v.replace(/^(?:~|\.{1,2}|[A-Za-z]:)/, '')) && !/[+=]/.test(v);
}

export function hasVariableReference(value: string): boolean {
  return REFERENCE.test(value);
}

/** Why a value is not a literal secret, or undefined when it is one. */
export function notLiteralReason(value: string | undefined | null): string | undefined {
  if (value === undefined || value === null) return 'no value';
  const v = value.trim();
  if (v === '') return 'empty';
  if (hasVariableReference(v)) return 'a variable reference';
  if (SWITCH_VALUE.test(v)) return 'a switch';
  if (isPathValue(v)) return 'a path';
  return undefined;
}

/** True when the value is a secret written into the file: not empty, no reference, no switch, no path. */
export function isLiteralSecretValue(value: string | undefined | null): boolean {
  return notLiteralReason(value) === undefined;
}

/** The whole judgement: a variable of this name is set to a secret written into the file. */
export function isLiteralSecret(name: string, value: string | undefined | null): boolean {
  return isSecretName(name) && isLiteralSecretValue(value);
}
