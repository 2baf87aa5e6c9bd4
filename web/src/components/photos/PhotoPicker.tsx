import { useEffect, useId, useRef, useState, type DragEvent } from 'react';

/** What the server takes; the browser's own check is only a first filter, the server decides by the bytes. */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/avif', 'image/heic', 'image/heif'];
export const MAX_PHOTO_BYTES = 20 * 1024 * 1024;

export interface PhotoPickerProps {
  file: File | null;
  onChange: (file: File | null) => void;
  error?: string | null;
}

/**
 * Choosing the photo: on a phone the button opens the camera (or the library), on a desktop a photo
 * can also be dropped on the box. Shows a preview of the chosen photo.
 */
export function PhotoPicker({ file, onChange, error }: PhotoPickerProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const preview = useObjectUrl(file);

  const drop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const dropped = [...event.dataTransfer.files].find((f) => f.type === '' || f.type.startsWith('image/'));
    if (dropped) onChange(dropped);
  };

  return (
    <div className={['field', 'photo-picker', error ? 'field--invalid' : ''].filter(Boolean).join(' ')}>
      <div
        className={dragging ? 'photo-picker__zone photo-picker__zone--active' : 'photo-picker__zone'}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={drop}
      >
        {preview ? (
          <img className="photo-picker__preview" src={preview} alt="Preview of the photo you chose" />
        ) : (
          <p className="photo-picker__prompt" aria-hidden="true">
            Drop a photo here
          </p>
        )}
        <label className="field__label" htmlFor={id}>
          {file ? 'Choose another photo' : 'Take or choose a photo'}
        </label>
        <input
          ref={input}
          id={id}
          type="file"
          className="file-input"
          accept="image/*"
          capture="environment"
          aria-describedby={[hintId, error ? errorId : ''].filter(Boolean).join(' ')}
          aria-invalid={error ? true : undefined}
          onChange={(event) => onChange(event.target.files?.[0] ?? null)}
        />
        <p className="field__hint" id={hintId}>
          JPEG, PNG, WebP, AVIF or HEIC, up to 20 MB. Location and camera details are removed before anyone sees it.
        </p>
      </div>
      {error && (
        <p className="field__error" id={errorId}>
          <span aria-hidden="true" className="field__error-mark">!</span>
          {error}
        </p>
      )}
    </div>
  );
}

/** A blob: URL for a chosen file, released when the file changes or the picker goes away. */
function useObjectUrl(file: File | null): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!file) {
      setUrl(null);
      return;
    }
    const made = URL.createObjectURL(file);
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [file]);
  return url;
}
