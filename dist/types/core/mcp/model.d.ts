/**
 * The model the MCP launch rules read: every way a file starts a server (a client config entry,
 * a registry package, a catalog entry, a `docker run` line in a README), with lines. Pure types
 * and small helpers.
 */
import type { DockerRun, Word } from '../docker-run/argv.js';
import type { MNode } from './tree.js';
export type McpFileKind = 'client' | 'server-json' | 'catalog' | 'markdown';
/** A name/value pair: an env entry, a header, a `-e NAME=value`. `value` undefined = name only. */
export interface KV {
    name: string;
    value?: string;
    line: number;
    /** Where it comes from, for messages: `env`, `headers`, `-e`. */
    via: string;
}
export interface Launch {
    /** The server's name in its file (`github`, the registry package's identifier, a README line). */
    name: string;
    /** Stable key path for fingerprints (no line numbers). */
    key: string;
    line: number;
    origin: 'client' | 'server.json' | 'catalog' | 'shell';
    transport: 'stdio' | 'remote';
    command?: Word;
    args: Word[];
    env: KV[];
    headers: KV[];
    docker?: DockerRun;
    /**
     * The whole `docker run` line is written in the file (client configs, README lines): flags a
     * client or registry would add itself are then the file's to give (`-i`, `--rm`, hardening).
     */
    fullCommand: boolean;
}
export interface ServerJson {
    root: MNode;
    /** The `$schema` date (`2025-12-11`), when the URL is one the registry publishes. */
    schemaVersion?: string;
    schemaLine: number;
    name?: Word;
    version?: Word;
}
export interface McpModel {
    kind: McpFileKind;
    launches: Launch[];
    server?: ServerJson;
    /** Parts that could not be read (MCG991), with the line. */
    issues: {
        line: number;
        message: string;
    }[];
    /** Schema violations of a server.json (MCG520): the JSON path, the line, what is wrong. */
    violations: {
        path: string;
        line: number;
        message: string;
    }[];
}
export declare function emptyModel(kind: McpFileKind): McpModel;
/** Fills `docker` from the launch's command and args when they are a `docker run`. */
export declare function withDocker(l: Launch): Launch;
/** `NAME=value` → {name, value}; `NAME` alone → name only (Docker passes the caller's value). */
export declare function envKV(spec: string, line: number, via: string): KV;
