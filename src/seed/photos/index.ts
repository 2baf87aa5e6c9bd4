// Member photos for the demo world: products photographed in drawn scenes, with exact ground truth.
export { composeMemberPhoto, SCENES, type PhotoSubject, type MemberPhoto, type MemberPhotoTruth, type PhotoItemTruth, type Scene, type Difficulty } from './compose.js';
export { OCCLUDERS, type OccluderKind } from './occluders.js';
export type { Box } from './visibility.js';
