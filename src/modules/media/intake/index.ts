export { DEFAULT_INTAKE_LIMITS, intakeImage, readImageUpload, type IntakeLimits, type IntakenImage, type IntakeOptions } from './intake.js';
export { INTAKE_FORMATS, sniffFormat, type IntakeFormat } from './sniff.js';
export { makeDerivatives, type PhotoDerivatives } from './derivatives.js';
