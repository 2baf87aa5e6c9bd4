export { createLocalStorage } from './local.js';
export { blobTypes, contentTypeOfKey, extensionFor, isBlobKey, type BlobStat, type BlobStorage, type StoredBlob } from './storage.js';
export { registerBlobRoutes } from './blob.routes.js';
