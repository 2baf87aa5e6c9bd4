import { useEffect, useId, useRef, useState, type DragEvent, type ReactNode } from 'react';

export interface FileDropProps {
  file: File | null;
  onChange: (file: File | null) => void;
  /** The input's label before a file is chosen ("Take or choose a photo"). */
  label: string;
  /** The label once one is chosen; the same as `label` when unset. */
  changeLabel?: string;
  /** What the server takes, for the browser's first filter (the server still decides by the bytes). */
  accept?: string;
  /** Phones open the camera rather than the library; unset, the library. */
  capture?: 'environment' | 'user';
  hint?: ReactNode;
  error?: string | null;
  /** Shows the chosen image in the box with this text alternative; unset, no preview. */
  previewAlt?: string;
  /** Drawn over the preview, in a box the preview's size (e.g. buttons for the garments found in it). */
  overlay?: ReactNode;
  /** Said in the box before anything is chosen, for people who can drag. */
  prompt?: string;
  className?: string;
  /** The input's id, when a page needs a stable one. */
  id?: string;
}

/**
 * One way to choose a photo everywhere: a file input (on a phone it can open the camera), a box a
 * photo can be dropped on from a desktop, and a preview of the chosen photo.
 */
export function FileDrop({
  file,
  onChange,
  label,
  changeLabel,
  accept = 'image/*',
  capture,
  hint,
  error,
  previewAlt,
  overlay,
  prompt = 'Drop a photo here',
  className,
  id: fixedId,
}: FileDropProps) {
  const ownId = useId();
  const id = fixedId ?? ownId;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const preview = useObjectUrl(previewAlt !== undefined ? file : null);

  const drop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const dropped = [...event.dataTransfer.files].find((f) => f.type === '' || f.type.startsWith('image/'));
    if (!dropped) return;
    // The input would otherwise still name the file chosen before the drop.
    if (input.current) input.current.value = '';
    onChange(dropped);
  };

  return (
    <div className={['field', 'photo-picker', error ? 'field--invalid' : '', className ?? ''].filter(Boolean).join(' ')}>
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
          <div className="photo-picker__frame">
            <img className="photo-picker__preview" src={preview} alt={previewAlt} />
            {overlay}
          </div>
        ) : (
          <p className="photo-picker__prompt" aria-hidden="true">
            {prompt}
          </p>
        )}
        <label className="field__label" htmlFor={id}>
          {file ? (changeLabel ?? label) : label}
        </label>
        <input
          ref={input}
          id={id}
          type="file"
          className="file-input"
          accept={accept}
          {...(capture ? { capture } : {})}
          aria-describedby={[hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined}
          aria-invalid={error ? true : undefined}
          onChange={(event) => onChange(event.target.files?.[0] ?? null)}
        />
        {hint && (
          <p className="field__hint" id={hintId}>
            {hint}
          </p>
        )}
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

/** A blob: URL for a chosen file, released when the file changes or the component goes away. */
export function useObjectUrl(file: File | null): string | null {
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
