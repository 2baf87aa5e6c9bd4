import { FileDrop } from './FileDrop.tsx';

/** What the server takes; the browser's own check is only a first filter, the server decides by the bytes. */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/avif', 'image/heic', 'image/heif'];
export const MAX_PHOTO_BYTES = 20 * 1024 * 1024;
export const PHOTO_HINT = 'JPEG, PNG, WebP, AVIF or HEIC, up to 20 MB. Location and camera details are removed before anyone sees it.';

export interface PhotoPickerProps {
  file: File | null;
  onChange: (file: File | null) => void;
  error?: string | null;
}

/**
 * Choosing the photo to post: on a phone the button opens the camera (or the library), on a desktop
 * a photo can also be dropped on the box. Shows a preview of the chosen photo.
 */
export function PhotoPicker({ file, onChange, error }: PhotoPickerProps) {
  return (
    <FileDrop
      file={file}
      onChange={onChange}
      label="Take or choose a photo"
      changeLabel="Choose another photo"
      capture="environment"
      hint={PHOTO_HINT}
      error={error}
      previewAlt="Preview of the photo you chose"
    />
  );
}
