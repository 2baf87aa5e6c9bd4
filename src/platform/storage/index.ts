export { createLocalStorage } from './local.js';
export { blobTypes, contentTypeOfKey, extensionFor, isBlobKey, readBlob, type BlobStat, type BlobStorage, type StoredBlob } from './storage.js';
export { registerBlobRoutes } from './blob.routes.js';
