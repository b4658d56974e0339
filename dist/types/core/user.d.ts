/**
 * A container user as the runtime reads it. Docker hands the `User` string to runc, which splits
 * `user[:group]` at the first colon and reads the user part with Go's strconv.Atoi: a sign and
 * leading zeros are accepted, so `000`, `+0` and `-0` are all UID 0. A name is looked up in the
 * image's /etc/passwd (name match), and the UID found there decides: a user named `app` whose
 * UID is 0 is root. An empty user is the image default, root.
 */
/** Go's strconv.Atoi on a 64-bit platform: optional sign, decimal digits, in int64 range; undefined otherwise. */
export declare function goAtoi(text: string): number | undefined;
/** The user part of `user[:group]` (split at the first colon, as runc does). */
export declare function userPart(spec: string): string;
/** The UID of the passwd entry named `name` (first match), undefined when there is none. */
export declare function passwdUid(passwd: string, name: string): number | undefined;
/**
 * Whether `spec` (a USER value, a compose `user:`, an image config User) makes the process run as
 * UID 0. A name with no /etc/passwd to resolve it in (or no entry there) is taken at its word:
 * `root` is root, other names are not. An empty user is root (the runtime's default).
 */
export declare function isRootUserSpec(spec: string, passwd?: string): boolean;
