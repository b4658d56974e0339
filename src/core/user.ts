/**
 * A container user as the runtime reads it. Docker hands the `User` string to runc, which splits
 * `user[:group]` at the first colon and reads the user part with Go's strconv.Atoi: a sign and
 * leading zeros are accepted, so `000`, `+0` and `-0` are all UID 0. A name is looked up in the
 * image's /etc/passwd (name match), and the UID found there decides: a user named `app` whose
 * UID is 0 is root. An empty user is the image default, root.
 */

/** Go's strconv.Atoi on a 64-bit platform: optional sign, decimal digits, in int64 range; undefined otherwise. */
export function goAtoi(text: string): number | undefined {
  const m = /^([+-]?)([0-9]+)$/.exec(text);
  if (!m) return undefined;
  const magnitude = BigInt(m[2]!);
  const value = m[1] === '-' ? -magnitude : magnitude;
  if (value > 9223372036854775807n || value < -9223372036854775808n) return undefined;
  return Number(value);
}

/** The user part of `user[:group]` (split at the first colon, as runc does). */
export function userPart(spec: string): string {
  const i = spec.indexOf(':');
  return i < 0 ? spec : spec.slice(0, i);
}

/** The UID of the passwd entry named `name` (first match), undefined when there is none. */
export function passwdUid(passwd: string, name: string): number | undefined {
  for (const line of passwd.split('\n')) {
    const f = line.split(':');
    if (f.length >= 3 && f[0] === name) return goAtoi(f[2]!.trim());
  }
  return undefined;
}

/**
 * Whether `spec` (a USER value, a compose `user:`, an image config User) makes the process run as
 * UID 0. A name with no /etc/passwd to resolve it in (or no entry there) is taken at its word:
 * `root` is root, other names are not. An empty user is root (the runtime's default).
 */
export function isRootUserSpec(spec: string, passwd?: string): boolean {
  const user = userPart(spec.trim()).trim();
  if (user === '') return true;
  const uid = goAtoi(user);
  if (uid !== undefined) return uid === 0;
  if (passwd !== undefined) {
    const fromPasswd = passwdUid(passwd, user);
    if (fromPasswd !== undefined) return fromPasswd === 0;
  }
  return user === 'root';
}
