// The list moved to src/platform/countries.ts so the event log can use it too (commerce records events).
export { isCountryCode } from '../../platform/countries.js';
