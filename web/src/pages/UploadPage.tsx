import { ButtonLink } from '../components/Button.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';

/** Upload: share a photo of what you are wearing and shop the pieces in it. Members only. */
export function UploadPage() {
  useDocumentTitle('Upload a photo');
  return (
    <div className="page">
      <PageHeader
        eyebrow="Upload"
        title="Share what you’re wearing"
        lede="Post a photo of your look. We find the pieces in it so you and your followers can shop them."
      />
      <EmptyState
        icon="upload"
        title="Photo uploads are on their way"
        action={
          <ButtonLink to="/explore" variant="secondary">
            See what members are wearing
          </ButtonLink>
        }
      >
        <p>
          Soon you’ll choose a photo here, see the pieces we recognise in it and post it to your profile. Location details
          in the photo stay private.
        </p>
      </EmptyState>
    </div>
  );
}
