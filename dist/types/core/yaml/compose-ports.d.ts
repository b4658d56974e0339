import { type YDoc } from './ast.js';
export interface ComposePort {
    host_ip: string;
    published: string;
    target: number;
    protocol: string;
}
/** The ports of one short-syntax spec, or why compose refuses it. */
export declare function parsePortSpec(spec: string): {
    ports: ComposePort[];
} | {
    error: string;
};
/** Every port of a service's `ports` (invalid short specs are left out: compose refuses them). */
export declare function composePorts(y: YDoc, node: unknown): ComposePort[];
