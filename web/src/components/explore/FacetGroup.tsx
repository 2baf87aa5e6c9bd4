import { useState } from 'react';
import type { ColourFacetValue, FacetValue } from '../../api/types.ts';

/** Values the member chose stay on screen even when the current results have none of them. */
export function withSelected<V extends FacetValue>(values: V[], selected: string[], missing: (value: string) => V): V[] {
  const known = new Set(values.map((v) => v.value));
  return [...values, ...selected.filter((value) => !known.has(value)).map(missing)];
}

export interface FacetGroupProps {
  title: string;
  values: FacetValue[];
  selected: string[];
  onToggle: (value: string) => void;
  /** "list" for long names (brands), "chips" for short ones (sizes). */
  layout?: 'list' | 'chips';
  /** How many values show before "Show all". */
  limit?: number;
}

/** One facet as a fieldset of checkboxes, each with how many results it would leave. */
export function FacetGroup({ title, values, selected, onToggle, layout = 'list', limit = 8 }: FacetGroupProps) {
  const [expanded, setExpanded] = useState(false);
  const all = withSelected(values, selected, (value) => ({ value, label: value, count: 0 }));
  if (all.length === 0) return null;
  const shown = expanded ? all : all.slice(0, limit);
  return (
    <fieldset className="facet">
      <legend className="facet__legend">{title}</legend>
      <ul className={`facet__list facet__list--${layout}`}>
        {shown.map(({ value, label, count }) => (
          <li key={value}>
            <label className={layout === 'chips' ? 'choice-chip' : 'check'}>
              <input
                type="checkbox"
                className={layout === 'chips' ? 'choice-chip__input' : 'check__input'}
                checked={selected.includes(value)}
                onChange={() => onToggle(value)}
              />
              <span className={layout === 'chips' ? 'choice-chip__label' : 'check__label'}>{label}</span>
              {layout === 'list' && (
                <span className="facet__count">
                  <span className="visually-hidden">, </span>
                  {count}
                </span>
              )}
            </label>
          </li>
        ))}
      </ul>
      {all.length > limit && (
        <button type="button" className="link-button" aria-expanded={expanded} onClick={() => setExpanded((was) => !was)}>
          {expanded ? 'Show fewer' : `Show all ${all.length}`}
        </button>
      )}
    </fieldset>
  );
}

export interface ColourFacetProps {
  values: ColourFacetValue[];
  selected: string[];
  onToggle: (value: string) => void;
}

/** Colours as swatches; multicolour, which has no single hex, gets a spectrum. */
export function ColourFacet({ values, selected, onToggle }: ColourFacetProps) {
  const all = withSelected(values, selected, (value) => ({ value, label: value, count: 0, hex: null }));
  if (all.length === 0) return null;
  return (
    <fieldset className="facet">
      <legend className="facet__legend">Colour</legend>
      <ul className="facet__list facet__list--swatches">
        {all.map(({ value, label, count, hex }) => (
          <li key={value}>
            <label className="swatch-choice">
              <input
                type="checkbox"
                className="swatch-choice__input"
                checked={selected.includes(value)}
                onChange={() => onToggle(value)}
              />
              <ColourSwatch hex={hex} />
              <span className="swatch-choice__label">{label}</span>
              <span className="facet__count">
                <span className="visually-hidden">, </span>
                {count}
              </span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/** A round sample of a colour; decorative, the colour's name is always beside it. */
export function ColourSwatch({ hex }: { hex: string | null }) {
  return (
    <span
      className={hex ? 'swatch' : 'swatch swatch--multi'}
      style={hex ? { backgroundColor: hex } : undefined}
      aria-hidden="true"
    />
  );
}
