import type { DockerfileRule } from '../types.js';
/** Ports below 1024 named by one EXPOSE word (`80`, `443/tcp`, `1000-1100/udp`); [] when none or unresolved. */
export declare function privilegedPorts(word: string): number[];
export declare const rule: DockerfileRule;
