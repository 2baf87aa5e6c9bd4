export { blocks, cities, comments, follows, hashtagUses, loves, mentions, sets, setItems, shares, SHARE_CHANNELS, TARGET_KINDS } from './social.tables.js';
