export { photoProducts, photos, PHOTO_STATUSES, PHOTO_TAG_SOURCES, type PhotoStatus, type PhotoTagSource } from './media.tables.js';
export { mediaRoutes, type MediaRoutesOptions } from './media.routes.js';
export { createMediaService, removePhoto, type MediaDeps, type MediaService } from './media.service.js';
export { photoSummary, photoView, type PhotoSummary, type PhotoView } from './media.schemas.js';
export { insertSeedPhotos, type SeedPhoto, type SeedPhotoDeps } from './seed-photos.js';
export { jpegSize } from './jpeg-size.js';
