import { type ImageInspection } from '../core/image/model.js';
export { imageFactsOf, normPath, resolveInImage, type FsEntry, type FsType, type ImageConfigFacts, type ImageInspection } from '../core/image/model.js';
export declare class ImageTarError extends Error {
}
/** Reads a `docker save` tarball. Throws ImageTarError when it holds no readable image. */
export declare function readImageTar(tarPath: string): Promise<ImageInspection>;
