import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../api/client.ts';
import { postPhoto } from '../api/photos.ts';
import { Button } from '../components/Button.tsx';
import { FormProblem } from '../components/FormProblem.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { MAX_PHOTO_BYTES, PhotoPicker } from '../components/photos/PhotoPicker.tsx';
import { TextAreaField } from '../components/TextAreaField.tsx';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';

const MAX_CAPTION = 2200;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** Upload: share a photo of what you are wearing, then shop the pieces in it on its page. Members only. */
export function UploadPage() {
  useDocumentTitle('Upload a photo');
  const navigate = useNavigate();
  const [file, setFile] = useState<File | null>(null);
  const [caption, setCaption] = useState('');
  const [posting, setPosting] = useState(false);
  const [imageError, setImageError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [duplicateOf, setDuplicateOf] = useState<string | null>(null);

  const choose = (next: File | null) => {
    setFile(next);
    setProblem(null);
    setDuplicateOf(null);
    setImageError(next && next.size > MAX_PHOTO_BYTES ? 'This photo is larger than 20 MB.' : null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setImageError('Choose a photo first.');
      return;
    }
    if (imageError || [...caption].length > MAX_CAPTION) return;
    setPosting(true);
    setProblem(null);
    setDuplicateOf(null);
    try {
      const photo = await postPhoto(file, caption);
      // The photo page watches for the pieces recognition tags on it in the next moments.
      await navigate(`/photos/${encodeURIComponent(photo.id)}`, { state: { justPosted: true } });
    } catch (error) {
      setPosting(false);
      if (!(error instanceof ApiError)) throw error;
      if (error.status === 409) {
        setDuplicateOf(UUID.exec(error.message)?.[0] ?? null);
        setProblem('You have already posted this photo.');
      } else if (error.fieldErrors()['caption']) {
        setProblem(`The caption ${error.fieldErrors()['caption']}.`);
      } else if ([400, 413, 415, 422].includes(error.status)) {
        setImageError(error.message);
      } else {
        setProblem(error.message || 'Your photo could not be posted. Try again.');
      }
    }
  };

  return (
    <div className="page upload-page">
      <PageHeader
        eyebrow="Upload"
        title="Share what you’re wearing"
        lede={
          <>
            Post a photo of your look. Your followers see it, and the pieces we recognise in it can be shopped from its page. Only
            looking? <Link to="/shop-the-photo">Shop the photo</Link> without posting it.
          </>
        }
      />
      <form className="upload-form" onSubmit={(event) => void submit(event)} noValidate aria-describedby={problem ? 'upload-problem' : undefined}>
        <PhotoPicker file={file} onChange={choose} error={imageError} />
        <TextAreaField
          label="Caption"
          optional
          value={caption}
          max={MAX_CAPTION}
          hint="Add #hashtags and @mention friends."
          onChange={(event) => setCaption(event.target.value)}
        />
        <FormProblem id="upload-problem" problem={problem} />
        {duplicateOf && (
          <p>
            <Link to={`/photos/${encodeURIComponent(duplicateOf)}`}>See the photo you posted</Link>
          </p>
        )}
        <Button type="submit" size="lg" block loading={posting} loadingLabel="Posting…">
          Post photo
        </Button>
      </form>
    </div>
  );
}
