import { useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { deleteSet, SET_DESCRIPTION_MAX, SET_MAX_ITEMS } from '../../api/sets.ts';
import type { ProductSet, ProductSummary, SetVisibility } from '../../api/types.ts';
import { useAnnouncement } from '../../hooks/useAnnouncement.ts';
import { useSetEditor } from '../../hooks/useSetEditor.ts';
import { draftOf, emptyDraft, type SetDraft } from '../../lib/setDraft.ts';
import { Button, ButtonLink } from '../Button.tsx';
import { ConfirmAction } from '../ConfirmAction.tsx';
import { FormProblem } from '../FormProblem.tsx';
import { LiveRegion } from '../LiveRegion.tsx';
import { TextAreaField } from '../TextAreaField.tsx';
import { TextField } from '../TextField.tsx';
import { CoverChooser } from './CoverChooser.tsx';
import { ProductPicker } from './ProductPicker.tsx';
import { SetItemsEditor } from './SetItemsEditor.tsx';

export interface SetEditorProps {
  /** The set being edited, or null for a new one. */
  existing: ProductSet | null;
  /** A new set's first piece ("New set with this piece" on a product page). */
  first?: ProductSummary | null;
  /** Where Cancel and Delete lead. */
  ownerHandle: string;
}

const visibilities: { value: SetVisibility; label: string; hint: string }[] = [
  { value: 'public', label: 'Public', hint: 'Anyone can see it on your profile, love it and share it.' },
  { value: 'private', label: 'Private', hint: 'Only you can see it.' },
];

/** The set builder: details, the pieces in order, finding more pieces, and the cover. */
export function SetEditor({ existing, first = null, ownerHandle }: SetEditorProps) {
  const [draft, setDraft] = useState<SetDraft>(() => (existing ? draftOf(existing) : emptyDraft(first)));
  const editor = useSetEditor(existing);
  const { errors } = editor;
  const navigate = useNavigate();
  const [message, announce] = useAnnouncement();
  const formRef = useRef<HTMLFormElement>(null);
  const change = (patch: Partial<SetDraft>) => setDraft((was) => ({ ...was, ...patch }));
  const cancelTo = existing ? `/sets/${encodeURIComponent(existing.id)}` : `/u/${encodeURIComponent(ownerHandle)}?tab=sets`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const outcome = await editor.save(draft);
    if (!outcome) {
      requestAnimationFrame(() =>
        formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], .field__error, #set-editor-problem')?.focus(),
      );
      return;
    }
    void navigate(`/sets/${encodeURIComponent(outcome.id)}`, {
      replace: true,
      state: outcome.coverProblem ? { notice: outcome.coverProblem } : null,
    });
  }

  function add(product: ProductSummary) {
    change({ items: [...draft.items, product] });
    editor.setErrors({ ...errors, items: undefined });
    announce(`Added ${product.title}. The set has ${draft.items.length + 1} ${draft.items.length === 0 ? 'piece' : 'pieces'}.`);
  }

  return (
    <form ref={formRef} className="set-editor" onSubmit={submit} noValidate aria-describedby={editor.problem ? 'set-editor-problem' : undefined}>
      <FormProblem id="set-editor-problem" problem={editor.problem} />
      <div className="set-editor__layout">
        <div className="set-editor__column">
          <section className="form-section" aria-labelledby="set-details-title">
            <h2 id="set-details-title" className="form-section__title">
              Details
            </h2>
            <TextField label="Title" value={draft.title} onChange={(e) => change({ title: e.target.value })} error={errors.title} required />
            <TextAreaField
              label="Description"
              optional
              hint="What it’s for, where you’d wear it. #hashtags welcome."
              value={draft.description}
              onChange={(e) => change({ description: e.target.value })}
              error={errors.description}
              max={SET_DESCRIPTION_MAX}
            />
            <fieldset className="choice-group">
              <legend className="field__label">Who can see it</legend>
              {visibilities.map((option) => (
                <label key={option.value} className="check check--top">
                  <input
                    type="radio"
                    name="visibility"
                    className="check__input"
                    checked={draft.visibility === option.value}
                    onChange={() => change({ visibility: option.value })}
                  />
                  <span className="check__label">
                    {option.label}
                    <span className="check__hint">{option.hint}</span>
                  </span>
                </label>
              ))}
            </fieldset>
          </section>
          <section className="form-section" aria-labelledby="set-pieces-editor-title">
            <h2 id="set-pieces-editor-title" className="form-section__title">
              Pieces <span className="form-section__count">{draft.items.length} of {SET_MAX_ITEMS}</span>
            </h2>
            {draft.items.length === 0 ? (
              <p className="set-editor__empty">No pieces yet. Find them with the search and add them here.</p>
            ) : (
              <SetItemsEditor items={draft.items} onChange={(items) => change({ items })} announce={announce} />
            )}
            {errors.items && (
              <p className="field__error" tabIndex={-1}>
                <span aria-hidden="true" className="field__error-mark">!</span>
                {errors.items}
              </p>
            )}
          </section>
          <CoverChooser
            choice={draft.cover}
            file={draft.coverFile}
            onChange={(cover, coverFile) => change({ cover, coverFile })}
            current={existing?.cover_url ?? null}
            hasPieces={draft.items.length > 0}
            error={errors.cover}
          />
        </div>
        <section className="set-editor__column set-editor__finder" aria-labelledby="set-finder-title">
          <h2 id="set-finder-title" className="form-section__title">
            Find pieces
          </h2>
          <ProductPicker chosen={draft.items} onAdd={add} />
        </section>
      </div>
      <div className="set-editor__actions">
        <Button type="submit" size="lg" loading={editor.busy} loadingLabel="Saving…">
          {existing ? 'Save changes' : 'Create set'}
        </Button>
        <ButtonLink to={cancelTo} variant="ghost" size="lg">
          Cancel
        </ButtonLink>
        {existing && (
          <div className="set-editor__delete">
            <ConfirmAction
              look="button"
              label="Delete set"
              question={`Delete “${existing.title}”? Its loves and comments go with it. This can’t be undone.`}
              confirmLabel="Delete set"
              busyLabel="Deleting…"
              keepLabel="Keep it"
              onConfirm={async () => {
                await deleteSet(existing.id);
                void navigate(`/u/${encodeURIComponent(ownerHandle)}?tab=sets`, { replace: true });
              }}
            />
          </div>
        )}
      </div>
      <LiveRegion message={message} />
    </form>
  );
}
