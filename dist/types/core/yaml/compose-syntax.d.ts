/**
 * Compose's short syntaxes and units, as compose-go v2.16.2 reads them on Linux. Pure.
 */
/** A short-syntax volume `[SOURCE:]TARGET[:MODE]`. */
export declare function shortVolume(spec: string): {
    type: string;
    source: string;
    target: string;
    read_only: boolean;
};
/**
 * Bytes of a memory size (`512m`, `1.5g`, `1024`, `2GiB`): binary units, the suffix letters in
 * either case; undefined when compose refuses the value.
 */
export declare function memoryBytes(s: string): number | undefined;
/** The host IP of a short-syntax port `[HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTO]`, brackets dropped. */
export declare function portHostIp(spec: string): string;
