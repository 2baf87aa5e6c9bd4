import { useRef, type KeyboardEvent } from 'react';
import type { ProductSummary } from '../../api/types.ts';
import { moveItem } from '../../lib/setDraft.ts';
import { Icon } from '../Icon.tsx';
import { Price } from '../Price.tsx';
import { ProductImage } from '../shop/ProductImage.tsx';

export interface SetItemsEditorProps {
  items: ProductSummary[];
  onChange: (items: ProductSummary[]) => void;
  /** Reads out a move or a removal. */
  announce: (message: string) => void;
}

type Control = 'up' | 'down' | 'remove';

/**
 * The set's pieces in order, each with Move up, Move down and Remove. From any of a piece's
 * buttons, Alt + ↑/↓ moves it too (and ↑/↓ alone on the move buttons); focus stays with the piece.
 */
export function SetItemsEditor({ items, onChange, announce }: SetItemsEditorProps) {
  const controls = useRef(new Map<string, HTMLButtonElement>());

  function refocus(id: string, preferred: Control, fallback: Control) {
    requestAnimationFrame(() => {
      const button = controls.current.get(`${id}:${preferred}`);
      (button && !button.disabled ? button : controls.current.get(`${id}:${fallback}`))?.focus();
    });
  }

  function move(index: number, by: -1 | 1) {
    const item = items[index];
    const to = index + by;
    if (!item || to < 0 || to >= items.length) return;
    onChange(moveItem(items, index, to));
    announce(`Moved ${item.title} to position ${to + 1} of ${items.length}.`);
    refocus(item.id, by < 0 ? 'up' : 'down', by < 0 ? 'down' : 'up');
  }

  function remove(index: number) {
    const item = items[index];
    if (!item) return;
    onChange(items.filter((_, i) => i !== index));
    announce(`Removed ${item.title}. ${items.length - 1} ${items.length - 1 === 1 ? 'piece' : 'pieces'} left.`);
    const neighbour = items[index + 1] ?? items[index - 1];
    if (neighbour) refocus(neighbour.id, 'remove', 'remove');
  }

  function onKeyDown(event: KeyboardEvent, index: number, control: Control) {
    const onMoveButton = control !== 'remove';
    if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
    if (!event.altKey && !onMoveButton) return;
    event.preventDefault();
    move(index, event.key === 'ArrowUp' ? -1 : 1);
  }

  const keep = (id: string, control: Control) => (element: HTMLButtonElement | null) => {
    if (element) controls.current.set(`${id}:${control}`, element);
    else controls.current.delete(`${id}:${control}`);
  };

  return (
    <ol className="set-items" aria-label="Pieces in this set, in order">
      {items.map((item, index) => (
        <li key={item.id} className="set-item">
          <span className="set-item__position" aria-hidden="true">
            {index + 1}
          </span>
          <ProductImage src={item.images[0]} alt="" className="set-item__image" />
          <div className="set-item__text">
            <p className="set-item__brand">{item.brand}</p>
            <p className="set-item__title">{item.title}</p>
            <Price price={item.price} sale={item.sale_price} />
          </div>
          <div className="set-item__controls">
            <button
              ref={keep(item.id, 'up')}
              type="button"
              className="icon-button"
              onClick={() => move(index, -1)}
              onKeyDown={(event) => onKeyDown(event, index, 'up')}
              disabled={index === 0}
            >
              <Icon name="arrowUp" size={18} />
              <span className="visually-hidden">Move {item.title} up</span>
            </button>
            <button
              ref={keep(item.id, 'down')}
              type="button"
              className="icon-button"
              onClick={() => move(index, 1)}
              onKeyDown={(event) => onKeyDown(event, index, 'down')}
              disabled={index === items.length - 1}
            >
              <Icon name="arrowDown" size={18} />
              <span className="visually-hidden">Move {item.title} down</span>
            </button>
            <button
              ref={keep(item.id, 'remove')}
              type="button"
              className="icon-button"
              onClick={() => remove(index)}
              onKeyDown={(event) => onKeyDown(event, index, 'remove')}
            >
              <Icon name="close" size={18} />
              <span className="visually-hidden">Remove {item.title}</span>
            </button>
          </div>
        </li>
      ))}
    </ol>
  );
}
