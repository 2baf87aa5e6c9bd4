import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { addToBag, fetchBag, removeFromBag, setBagQuantity } from '../api/bag.ts';
import { isAbort } from '../api/client.ts';
import type { Bag } from '../api/types.ts';
import { useAuth } from '../auth/AuthContext.tsx';

export interface BagState {
  /** The signed-in member's bag; null for visitors and until it has loaded. */
  bag: Bag | null;
  /** Units in the bag, for the navigation badge. */
  count: number;
  /** The last change, worded for the polite live region in the shell. */
  announcement: string;
  refresh: () => Promise<Bag | null>;
  add: (sku: string, quantity: number, what: string) => Promise<Bag>;
  setQuantity: (sku: string, quantity: number, what: string) => Promise<Bag>;
  remove: (sku: string, what: string) => Promise<Bag>;
  /** Takes a bag the server returned elsewhere (after checkout). */
  replace: (bag: Bag) => void;
}

const BagContext = createContext<BagState | null>(null);

function units(count: number): string {
  return count === 1 ? '1 item' : `${count} items`;
}

/**
 * The bag, shared by the navigation badge, the product page, the bag page and checkout so that
 * a change in one place shows everywhere at once. Follows the session: empty when signed out.
 */
export function BagProvider({ children }: { children: ReactNode }) {
  const { member } = useAuth();
  const memberId = member?.id ?? null;
  const [bag, setBag] = useState<Bag | null>(null);
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    setBag(null);
    if (!memberId) return;
    const controller = new AbortController();
    fetchBag(controller.signal)
      .then(setBag)
      .catch((error: unknown) => {
        // The badge is a convenience: the bag page shows the problem when the member opens it.
        if (!isAbort(error)) setBag(null);
      });
    return () => controller.abort();
  }, [memberId]);

  const announce = useCallback((message: string) => {
    // A trailing no-break space toggles so the same sentence twice is still announced twice.
    setAnnouncement((was) => (was === message ? `${message}\u00a0` : message));
  }, []);

  const refresh = useCallback(async () => {
    if (!memberId) return null;
    const next = await fetchBag();
    setBag(next);
    return next;
  }, [memberId]);

  const add = useCallback(
    async (sku: string, quantity: number, what: string) => {
      const next = await addToBag(sku, quantity);
      setBag(next);
      announce(`Added ${what} to your bag. Your bag has ${units(next.count)}.`);
      return next;
    },
    [announce],
  );

  const setQuantity = useCallback(
    async (sku: string, quantity: number, what: string) => {
      const next = await setBagQuantity(sku, quantity);
      setBag(next);
      announce(`${what}: quantity ${quantity}. Your bag has ${units(next.count)}.`);
      return next;
    },
    [announce],
  );

  const remove = useCallback(
    async (sku: string, what: string) => {
      const next = await removeFromBag(sku);
      setBag(next);
      announce(`Removed ${what}. Your bag has ${units(next.count)}.`);
      return next;
    },
    [announce],
  );

  const value = useMemo<BagState>(
    () => ({ bag, count: bag?.count ?? 0, announcement, refresh, add, setQuantity, remove, replace: setBag }),
    [bag, announcement, refresh, add, setQuantity, remove],
  );
  return <BagContext.Provider value={value}>{children}</BagContext.Provider>;
}

export function useBag(): BagState {
  const bag = useContext(BagContext);
  if (!bag) throw new Error('useBag must be used inside <BagProvider>');
  return bag;
}

/** The polite live region that reads bag changes out, wherever the change was made. */
export function BagAnnouncer() {
  const { announcement } = useBag();
  return (
    <p className="visually-hidden" role="status" aria-live="polite">
      {announcement}
    </p>
  );
}
