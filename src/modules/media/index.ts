export { photoModeration, photoProducts, photos, MODERATION_DECISIONS, PHOTO_STATUSES, type ModerationDecision, PHOTO_TAG_SOURCES, type PhotoStatus, type PhotoTagSource } from './media.tables.js';
export { mediaRoutes, type MediaRoutesOptions } from './media.routes.js';
export { createMediaService, removePhoto, type MediaDeps, type MediaService } from './media.service.js';
export { photoSummary, photoView, type PhotoSummary, type PhotoView } from './media.schemas.js';
export { insertSeedPhotos, type SeedPhoto, type SeedPhotoDeps } from './seed-photos.js';
export { jpegSize } from './jpeg-size.js';
export { intakeImage, readImageUpload, sniffFormat, DEFAULT_INTAKE_LIMITS, INTAKE_FORMATS, type IntakeFormat, type IntakeLimits, type IntakenImage, type IntakeOptions } from './intake/index.js';
export type { ModerateImage, ModerationVerdict } from './moderation.js';
export type { RecognisePhoto } from './photo-upload.js';
