/**
 * What a `docker run` mount exposes of the host (MCG502, and the corrected entry of MCG514, which
 * removes such mounts). The engine sockets are the compose/Kubernetes list (RUNTIME_SOCKETS) plus
 * Podman's and the rootless engines' per-user sockets. Pure.
 */
import type { DockerFlag } from '../../core/docker-run/argv.js';
/** What a host path exposes, or undefined. */
export declare function dangerousHostPath(raw: string): string | undefined;
/** The host side of a `-v`/`--volume` or a bind `--mount`; undefined for named and anonymous volumes. */
export declare function mountSource(f: DockerFlag): string | undefined;
/** What the mount exposes with its host path, or undefined when it is harmless. */
export declare function hostMountDanger(f: DockerFlag): {
    src: string;
    what: string;
} | undefined;
