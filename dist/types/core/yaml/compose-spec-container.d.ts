/**
 * The building blocks of compose's schema (./compose-spec-schema.ts) and its container
 * specification: the keys every container (a service, a job, a pre_start container) allows, with
 * their JSON types, enumerations, patterns and bounds, from compose-go v2.16.2's
 * schema/compose-spec.json. Pure data.
 */
export type S = Record<string, unknown>;
export declare const ref: (name: string) => S;
export declare const t: (...types: string[]) => S;
export declare const str: S;
export declare const strOrBool: S;
export declare const intOrStr: S;
export declare const numOrStr: S;
export declare const strings: {
    type: string;
    items: S;
};
export declare const uniqueStrings: {
    type: string;
    items: S;
    uniqueItems: boolean;
};
/** An object with exactly these properties (and `x-…` extensions). */
export declare const obj: (properties: S, more?: S) => S;
/** An object with these properties and no extensions. */
export declare const closed: (properties: S, more?: S) => S;
export declare const named: (def: S) => S;
export declare const driverOpts: {
    type: string;
    patternProperties: {
        '^.+$': S;
    };
};
export declare const external: {
    type: string[];
    properties: {
        name: S;
    };
    additionalProperties: boolean;
    patternProperties: {
        '^x-': {};
    };
};
export declare const update: S;
export declare const gpuDevice: {
    capabilities: S;
    count: S;
    device_ids: S;
    driver: S;
    options: S;
};
export declare const containerSpec: {
    type: string;
    patternProperties: {
        '^x-': {};
    };
    properties: {
        annotations: S;
        blkio_config: S;
        cap_add: {
            type: string;
            items: S;
            uniqueItems: boolean;
        };
        cap_drop: {
            type: string;
            items: S;
            uniqueItems: boolean;
        };
        cgroup: {
            type: string;
            enum: string[];
        };
        cgroup_parent: S;
        command: S;
        configs: S;
        cpu_count: {
            oneOf: S[];
        };
        cpu_percent: {
            oneOf: S[];
        };
        cpu_shares: S;
        cpu_quota: S;
        cpu_period: S;
        cpu_rt_period: S;
        cpu_rt_runtime: S;
        cpus: S;
        cpuset: S;
        credential_spec: S;
        device_cgroup_rules: S;
        devices: {
            type: string;
            items: {
                oneOf: S[];
            };
        };
        dns: S;
        dns_opt: {
            type: string;
            items: S;
            uniqueItems: boolean;
        };
        dns_search: S;
        domainname: S;
        entrypoint: S;
        env_file: S;
        label_file: S;
        environment: S;
        extra_hosts: S;
        gpus: S;
        group_add: {
            type: string;
            items: S;
            uniqueItems: boolean;
        };
        hostname: S;
        image: S;
        init: S;
        ipc: S;
        isolation: S;
        labels: S;
        logging: S;
        mac_address: S;
        mem_limit: S;
        mem_reservation: S;
        mem_swappiness: S;
        memswap_limit: S;
        network_mode: S;
        models: {
            oneOf: S[];
        };
        networks: {
            oneOf: S[];
        };
        oom_kill_disable: S;
        oom_score_adj: {
            oneOf: S[];
        };
        pid: S;
        pids_limit: S;
        platform: S;
        privileged: S;
        pull_policy: {
            type: string;
            pattern: string;
        };
        pull_refresh_after: S;
        read_only: S;
        runtime: S;
        security_opt: {
            type: string;
            items: S;
            uniqueItems: boolean;
        };
        shm_size: S;
        secrets: S;
        sysctls: S;
        stop_grace_period: S;
        stop_signal: S;
        storage_opt: {
            type: string;
        };
        tmpfs: S;
        ulimits: S;
        umask: {
            type: string[];
            minimum: number;
            maximum: number;
        };
        use_api_socket: S;
        user: S;
        uts: S;
        userns_mode: S;
        volumes: {
            type: string;
            uniqueItems: boolean;
            items: {
                oneOf: S[];
            };
        };
        volumes_from: {
            type: string;
            items: S;
            uniqueItems: boolean;
        };
        working_dir: S;
    };
};
