/** Events sets publish (through the outbox, in the transaction of the change); feeds read them. */
export const setEvents = {
  setCreated: 'social.set_created',
  setUpdated: 'social.set_updated',
  setDeleted: 'social.set_deleted',
} as const;

/** A member composed a new set. */
export interface SetCreated {
  set_id: string;
  owner_id: string;
  title: string;
  visibility: 'public' | 'private';
  product_ids: string[];
}

/** A set's title, description, visibility, products or cover changed. */
export interface SetUpdated {
  set_id: string;
  owner_id: string;
  visibility: 'public' | 'private';
  /** Which of title, description, visibility, items, cover changed. */
  fields: string[];
  by: string;
}

/** A set was deleted (by its owner or an admin). */
export interface SetDeleted {
  set_id: string;
  owner_id: string;
  by: string;
}
