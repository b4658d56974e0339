/**
 * Compose's short syntaxes and units, as compose-go v2.16.2 reads them on Linux. Pure.
 */

/**
 * The `:`-separated parts of a short volume; a `:` right after a lone drive letter and before a
 * slash (`c:/data`, `v:\\x`) belongs to a Windows path, not a separator, as compose reads it.
 */
function volumeParts(spec: string): string[] {
  const parts: string[] = [];
  let buf = '';
  for (let i = 0; i < spec.length; i++) {
    const c = spec[i]!;
    if (c === ':' && !(buf.length === 1 && /[a-z]/i.test(buf) && (spec[i + 1] === '/' || spec[i + 1] === '\\'))) {
      parts.push(buf);
      buf = '';
    } else buf += c;
  }
  parts.push(buf);
  return parts;
}

/** A short-syntax volume `[SOURCE:]TARGET[:MODE]`. */
export function shortVolume(spec: string): { type: string; source: string; target: string; read_only: boolean } {
  const parts = volumeParts(spec);
  if (parts.length === 1) return { type: 'volume', source: '', target: spec, read_only: false };
  const [source = '', target = '', mode = ''] = parts;
  const bind = /^[./~]/.test(source) || /^[a-z]:[\\/]/i.test(source);
  return { type: bind ? 'bind' : 'volume', source, target, read_only: mode.split(',').includes('ro') };
}

const UNITS: Record<string, number> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4, p: 1024 ** 5 };

/**
 * Bytes of a memory size (`512m`, `1.5g`, `1024`, `2GiB`): binary units, the suffix letters in
 * either case; undefined when compose refuses the value.
 */
export function memoryBytes(s: string): number | undefined {
  const m = /^(\d+(?:\.\d+)*) ?([kmgtp])?i?b?$/i.exec(s);
  // the pattern takes `1.5.2`, the number parser after it does not
  if (!m || m[1]!.split('.').length > 2) return undefined;
  const n = parseFloat(m[1]!);
  return Math.trunc(n * UNITS[(m[2] ?? '').toLowerCase()]!);
}

/** The host IP of a short-syntax port `[HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTO]`, brackets dropped. */
export function portHostIp(spec: string): string {
  const s = spec.trim().replace(/\/\w+$/, '');
  if (s.startsWith('[')) {
    const end = s.indexOf(']');
    return end > 0 ? s.slice(1, end) : '';
  }
  const parts = s.split(':');
  return parts.length <= 2 ? '' : parts.slice(0, parts.length - 2).join(':');
}
