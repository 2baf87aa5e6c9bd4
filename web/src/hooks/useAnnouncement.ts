import { useCallback, useState } from 'react';

/**
 * A message for a polite live region (see LiveRegion). Saying the same sentence twice still
 * announces it twice: a trailing no-break space toggles.
 */
export function useAnnouncement(): [string, (message: string) => void] {
  const [message, setMessage] = useState('');
  const announce = useCallback((next: string) => {
    setMessage((was) => (was === next ? `${next}\u00a0` : next));
  }, []);
  return [message, announce];
}
