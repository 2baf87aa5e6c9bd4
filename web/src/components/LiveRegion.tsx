/** A polite, visually hidden live region: reads out what just changed (see useAnnouncement). */
export function LiveRegion({ message }: { message: string }) {
  return (
    <p className="visually-hidden" role="status" aria-live="polite">
      {message}
    </p>
  );
}
