// Visual words: a vocabulary tree over ORB descriptors and an inverted file that ranks catalogue
// images by the words a photo shares with them.
export { trainVocabulary, quantise, nodesAt, matchWithinNodes, serialiseVocabulary, deserialiseVocabulary, hamming, descriptorWords, VOCABULARY_DEFAULTS, type Vocabulary, type VocabularyOptions } from './vocabulary.js';
export { InvertedIndex, bagOfWords, INVERTED_DEFAULTS, type WordScore, type InvertedIndexOptions } from './inverted-index.js';
export { ProductWordsIndex, MATCH_LEVEL } from './words-index.js';
