export { initTensorflow } from './tensorflow.js';
export { loadNsfwModel, NSFW_CLASSES, type ImageAnalysis, type NsfwClass, type NsfwModel, type NsfwScores, type NsfwVariant, type RgbImage } from './nsfw-model.js';
