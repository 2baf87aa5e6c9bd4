import type { ImportReport } from '../../api/types.ts';
import { Badge } from '../Badge.tsx';

const looks = {
  running: { label: 'Running', tone: 'warning' },
  completed: { label: 'Completed', tone: 'success' },
  failed: { label: 'Failed', tone: 'danger' },
} as const;

export function ImportStatusBadge({ status }: { status: ImportReport['status'] }) {
  const look = looks[status];
  return (
    <Badge tone={look.tone}>
      <span className="visually-hidden">Status: </span>
      {look.label}
    </Badge>
  );
}
