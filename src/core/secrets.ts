/** Names that carry secrets (DESIGN §5 MCG009/MCG109/MCG213). */
const SECRET_NAME =
  /(PASSWORD|PASSWD|PASSPHRASE|SECRET|TOKEN|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CREDENTIAL|AUTH_?KEY|CLIENT_?SECRET)/i;

/** Names that look secret-like but hold a path or a reference, not the secret itself. */
const NOT_A_SECRET = /(_FILE|_PATH|_DIR|_URL_?FILE|_NAME|_ID|_LENGTH|_TTL|_EXPIRY|_EXPIRES|_TYPE|_HEADER|_ENDPOINT|_URL|_HOST|_PORT)$/i;

export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name) && !NOT_A_SECRET.test(name);
}

/** A value that is a literal (not empty, not a `${VAR}` / `$VAR` reference). */
export function isLiteralValue(value: string | undefined | null): boolean {
  if (value === undefined || value === null) return false;
  const v = value.trim();
  if (v === '') return false;
  if (/^\$\{?[A-Za-z_][A-Za-z0-9_]*(:?[-?][^}]*)?\}?$/.test(v)) return false;
  return true;
}
