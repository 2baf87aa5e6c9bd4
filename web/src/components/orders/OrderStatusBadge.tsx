import type { OrderStatus } from '../../api/types.ts';
import { Badge, type BadgeTone } from '../Badge.tsx';

const looks: Record<OrderStatus, { label: string; tone: BadgeTone }> = {
  placed: { label: 'Placed', tone: 'neutral' },
  paid: { label: 'Paid', tone: 'success' },
  shipped: { label: 'Shipped', tone: 'ink' },
  delivered: { label: 'Delivered', tone: 'success' },
  cancelled: { label: 'Cancelled', tone: 'danger' },
  returned: { label: 'Returned', tone: 'warning' },
};

export function orderStatusLabel(status: OrderStatus): string {
  return looks[status]?.label ?? status;
}

/** An order's status as a chip. */
export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  const look = looks[status] ?? { label: status, tone: 'neutral' as const };
  return (
    <Badge tone={look.tone}>
      <span className="visually-hidden">Status: </span>
      {look.label}
    </Badge>
  );
}

/** Only orders not yet on their way can be cancelled by the member. */
export function canCancel(status: OrderStatus): boolean {
  return status === 'placed' || status === 'paid';
}
