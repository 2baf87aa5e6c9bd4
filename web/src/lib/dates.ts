/** Dates and times in the member's locale; an unreadable value reads as the raw text. */

const dateFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

function format(formatter: Intl.DateTimeFormat, iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : formatter.format(date);
}

/** "24 Nov 2026" */
export function formatDate(iso: string): string {
  return format(dateFormat, iso);
}

/** "24 Nov 2026, 18:30" */
export function formatDateTime(iso: string): string {
  return format(dateTimeFormat, iso);
}
