import type { ImageRef } from '../../core/dockerfile/model.js';
import type { DockerfileRule } from '../types.js';
/** True when the image is a full OS/toolchain image by name and tag. */
export declare function isFullImage(img: ImageRef): boolean;
export declare const rule: DockerfileRule;
