import { useState } from 'react';
import { ApiError, problemMessage } from '../api/client.ts';
import { composeSetCover, createSet, replaceSetItems, updateSet, uploadSetCover } from '../api/sets.ts';
import type { ProductSet } from '../api/types.ts';
import { checkDraft, type SetDraft, type SetDraftField } from '../lib/setDraft.ts';

export interface SaveOutcome {
  id: string;
  /** The set is saved but its cover is not: say so on the set's page. */
  coverProblem: string | null;
}

/** Server field names → the editor's: `product_ids.3` is about the pieces. */
function fieldOf(name: string): SetDraftField | null {
  if (name === 'title' || name === 'description') return name;
  if (name.startsWith('product_ids')) return 'items';
  if (name.startsWith('cover')) return 'cover';
  return null;
}

async function saveCover(id: string, draft: SetDraft): Promise<void> {
  if (draft.cover === 'upload' && draft.coverFile) await uploadSetCover(id, draft.coverFile);
  else if (draft.cover === 'compose' && draft.items.length > 0) await composeSetCover(id);
}

/**
 * Saving a set from the editor: the details and pieces first (created in one call, or updated and
 * the pieces replaced in order), then the cover. A cover that fails after the set is saved does
 * not lose the set: the outcome says what went wrong.
 */
export function useSetEditor(existing: ProductSet | null) {
  const [errors, setErrors] = useState<Partial<Record<SetDraftField, string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save(draft: SetDraft): Promise<SaveOutcome | null> {
    const found = checkDraft(draft);
    setErrors(found);
    setProblem(null);
    if (Object.keys(found).length > 0) return null;
    setBusy(true);
    const details = {
      title: draft.title.trim(),
      description: draft.description.trim() || null,
      visibility: draft.visibility,
    };
    const productIds = draft.items.map((p) => p.id);
    let id = existing?.id ?? null;
    try {
      if (existing) {
        await updateSet(existing.id, details);
        const before = existing.items.map((item) => item.product.id).join(',');
        if (before !== productIds.join(',')) await replaceSetItems(existing.id, productIds);
      } else {
        id = (await createSet({ ...details, product_ids: productIds })).id;
      }
    } catch (error) {
      setBusy(false);
      const fields: Partial<Record<SetDraftField, string>> = {};
      if (error instanceof ApiError) {
        for (const [name, message] of Object.entries(error.fieldErrors())) {
          const field = fieldOf(name);
          if (field) fields[field] ??= message;
        }
      }
      setErrors(fields);
      setProblem(Object.keys(fields).length > 0 ? 'Check the highlighted fields.' : problemMessage(error));
      return null;
    }
    if (!id) return null;
    try {
      await saveCover(id, draft);
      return { id, coverProblem: null };
    } catch (error) {
      return { id, coverProblem: `Your set is saved, but its cover isn’t: ${problemMessage(error)}` };
    } finally {
      setBusy(false);
    }
  }

  return { save, errors, setErrors, problem, busy };
}
