import { COVER_TYPES, type CoverChoice } from '../../lib/setDraft.ts';
import { FileDrop, useObjectUrl } from '../photos/FileDrop.tsx';

export interface CoverChooserProps {
  choice: CoverChoice;
  file: File | null;
  onChange: (choice: CoverChoice, file: File | null) => void;
  /** The set's current cover, when it has one (editing). */
  current: string | null;
  hasPieces: boolean;
  error?: string | null;
}

/** The cover: keep the current one, compose it from the pieces' photos, or upload a photo. */
export function CoverChooser({ choice, file, onChange, current, hasPieces, error }: CoverChooserProps) {
  const preview = useObjectUrl(choice === 'upload' ? file : null);
  const options: { value: CoverChoice; label: string; hint: string }[] = [
    ...(current ? [{ value: 'keep' as const, label: 'Keep the current cover', hint: '' }] : []),
    {
      value: 'compose',
      label: 'Compose from the pieces',
      hint: hasPieces ? 'A grid of the first four pieces’ photos.' : 'Add pieces first; until then the set has no cover.',
    },
    { value: 'upload', label: 'Upload a photo', hint: 'JPEG, PNG, WebP or HEIC, up to 10 MB. Location details are removed.' },
  ];

  return (
    <fieldset className={error ? 'cover-chooser cover-chooser--invalid' : 'cover-chooser'} aria-describedby={error ? 'cover-error' : undefined}>
      <legend className="form-section__title">Cover</legend>
      <div className="cover-chooser__body">
        <div className="cover-chooser__options">
          {options.map((option) => (
            <label key={option.value} className="check check--top">
              <input
                type="radio"
                name="cover"
                className="check__input"
                value={option.value}
                checked={choice === option.value}
                onChange={() => onChange(option.value, file)}
              />
              <span className="check__label">
                {option.label}
                {option.hint && <span className="check__hint">{option.hint}</span>}
              </span>
            </label>
          ))}
          {choice === 'upload' && (
            <FileDrop
              id="set-cover-file"
              className="cover-chooser__drop"
              file={file}
              onChange={(next) => onChange('upload', next)}
              label="Cover photo"
              accept={COVER_TYPES.join(',')}
              prompt="Drop the cover photo here"
            />
          )}
          {error && (
            <p className="field__error" id="cover-error">
              <span aria-hidden="true" className="field__error-mark">!</span>
              {error}
            </p>
          )}
        </div>
        {(preview ?? (choice === 'keep' ? current : null)) && (
          <img className="cover-chooser__preview" src={preview ?? current ?? ''} alt="The cover as it will look" />
        )}
      </div>
    </fieldset>
  );
}
