// Exact-product verification with local features (ORB in OpenCV's WASM build): precompute a product's
// features once, store them with serialiseFeatures, verify a photo's top candidates with verifyCandidates.
export { loadOpenCv, wasmHeapProbe } from './opencv.js';
export {
  decodeImage,
  extractProductFeatures,
  serialiseFeatures,
  deserialiseFeatures,
  CATALOGUE_OPTIONS,
  PHOTO_OPTIONS,
  type DecodedImage,
  type ProductFeatures,
  type FeatureOptions,
  type Box,
} from './features.js';
export { verifyCandidates, verifyPrepared, preparePhoto, VERIFY_DEFAULTS, type VerifyCandidate, type VerifiedCandidate, type VerifyOptions, type VerifyTimings, type PreparedPhoto } from './verify.js';
export { poseOf, isPlausible, POSE_LIMITS, type Pose, type PoseLimits, type Homography } from './geometry.js';
