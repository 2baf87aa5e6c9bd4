import { Button } from './Button.tsx';
import { Notice } from './Notice.tsx';
import { PageHeader } from './PageHeader.tsx';

export interface RetryNoticeProps {
  /** What failed, as the member reads it: "We couldn’t load this set". */
  title: string;
  /** The problem, from the API client. */
  message: string | null;
  onRetry: () => void;
}

/** Something did not load: what went wrong and a way to try again. */
export function RetryNotice({ title, message, onRetry }: RetryNoticeProps) {
  return (
    <Notice tone="danger" title={title}>
      {message && <p>{message}</p>}
      <div className="notice__actions">
        <Button size="sm" variant="secondary" onClick={onRetry}>
          Try again
        </Button>
      </div>
    </Notice>
  );
}

/** A whole page whose main resource did not load. */
export function LoadFailedPage({ heading, ...notice }: RetryNoticeProps & { heading: string }) {
  return (
    <div className="page">
      <PageHeader title={heading} />
      <RetryNotice {...notice} />
    </div>
  );
}
