import { useEffect, useState, type FormEvent } from 'react';
import { Icon } from '../Icon.tsx';

export interface SearchBoxProps {
  /** The words in the URL; the box follows them on back and forward. */
  value: string;
  onSearch: (words: string) => void;
}

/** The catalogue search: a search landmark with a labelled box and a submit button. */
export function SearchBox({ value, onSearch }: SearchBoxProps) {
  const [words, setWords] = useState(value);
  useEffect(() => setWords(value), [value]);

  function submit(event: FormEvent) {
    event.preventDefault();
    onSearch(words.trim());
  }

  return (
    <form role="search" className="search-box" onSubmit={submit}>
      <label htmlFor="explore-search" className="visually-hidden">
        Search pieces and brands
      </label>
      <Icon name="search" size={20} className="search-box__icon" />
      <input
        id="explore-search"
        type="search"
        className="search-box__input"
        placeholder="Search pieces and brands"
        value={words}
        onChange={(event) => setWords(event.target.value)}
        enterKeyHint="search"
        autoComplete="off"
      />
      <button type="submit" className="search-box__submit">
        Search
      </button>
    </form>
  );
}
