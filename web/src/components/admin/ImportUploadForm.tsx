import { useId, useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { problemMessage } from '../../api/client.ts';
import { FEED_EXTENSIONS, startCatalogueImport } from '../../api/imports.ts';
import { Button } from '../Button.tsx';
import { FormProblem } from '../FormProblem.tsx';

/** Choose a Merchant Center feed file and start importing it; the report opens at once. */
export function ImportUploadForm() {
  const id = useId();
  const navigate = useNavigate();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    if (!file) {
      setError('Choose a feed file.');
      input.current?.focus();
      return;
    }
    if (!FEED_EXTENSIONS.some((ext) => file.name.toLowerCase().endsWith(ext))) {
      setError('Choose a .csv, .tsv or .jsonl file.');
      input.current?.focus();
      return;
    }
    setBusy(true);
    try {
      const report = await startCatalogueImport(file);
      void navigate(`/admin/imports/${encodeURIComponent(report.id)}`);
    } catch (failure) {
      setProblem(problemMessage(failure));
      setBusy(false);
    }
  }

  const errorId = `${id}-error`;
  return (
    <form className="form import-upload" onSubmit={submit} noValidate aria-describedby={problem ? `${id}-problem` : undefined}>
      <FormProblem id={`${id}-problem`} problem={problem} />
      <div className={error ? 'field field--invalid' : 'field'}>
        <label className="field__label" htmlFor={`${id}-feed`}>
          Feed file
        </label>
        <p className="field__hint" id={`${id}-hint`}>
          A Google Merchant Center feed (id, title, price …) as CSV, TSV or JSON Lines, up to 200 MB. Image links must be http(s) URLs.
        </p>
        <input
          ref={input}
          id={`${id}-feed`}
          name="feed"
          type="file"
          className="file-input"
          accept={FEED_EXTENSIONS.join(',')}
          aria-invalid={error ? true : undefined}
          aria-describedby={[error ? errorId : '', `${id}-hint`].filter(Boolean).join(' ')}
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null);
            setError(null);
          }}
        />
        {error && (
          <p className="field__error" id={errorId}>
            <span aria-hidden="true" className="field__error-mark">!</span>
            {error}
          </p>
        )}
      </div>
      <Button type="submit" loading={busy} loadingLabel="Uploading…">
        Start import
      </Button>
    </form>
  );
}
