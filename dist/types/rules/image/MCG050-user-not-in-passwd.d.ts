import type { ImageRule } from './types.js';
/** True when the passwd text has an entry for `name`. */
export declare function passwdHas(passwd: string | undefined, name: string): boolean;
export declare const rule: ImageRule;
