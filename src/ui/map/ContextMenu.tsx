/**
 * A context menu drawn from a MenuModel (canvasMenu.ts): a `role="menu"` of menu items, with submenus, kept
 * inside the window. Keys as in the WAI-ARIA menu pattern: arrows move, Home and End go to the ends, a letter
 * goes to the next item starting with it, Enter or Space chooses, → opens a submenu and ← or Escape closes it,
 * Escape closes the menu and gives the focus back, Tab closes it. A press outside closes it.
 */
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { type MenuItem, type MenuModel, placeMenu, placeSubmenu } from './canvasMenu';

/** How the menu ends: chosen (the action then runs), dismissed with a key (focus goes back), or left (a press elsewhere). */
export type CloseReason = 'chosen' | 'key' | 'outside';

interface Anchor {
  /** A point (the pointer, a node's corner) for the menu, or an item's box for a submenu. */
  point?: { x: number; y: number };
  item?: DOMRect;
}

export function ContextMenu({ model, at, onClose }: { model: MenuModel; at: { x: number; y: number }; onClose: (why: CloseReason) => void }) {
  // A press anywhere outside every part of the menu closes it; so does the window changing size.
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    const onDown = (e: PointerEvent) => {
      if (!(e.target instanceof Element && e.target.closest('.am-context-menu'))) close.current('outside');
    };
    const onResize = () => close.current('outside');
    document.addEventListener('pointerdown', onDown, true);
    window.addEventListener('resize', onResize);
    return () => {
      document.removeEventListener('pointerdown', onDown, true);
      window.removeEventListener('resize', onResize);
    };
  }, []);
  return <MenuList label={model.label} sections={model.sections} anchor={{ point: at }} onClose={onClose} />;
}

function MenuList({
  label,
  sections,
  anchor,
  onClose,
  onBack,
  takeFocus = true,
}: {
  label: string;
  sections: MenuItem[][];
  anchor: Anchor;
  onClose: (why: CloseReason) => void;
  /** In a submenu: back to the item that opened it. */
  onBack?: () => void;
  /** Whether the first item takes the focus: not for a submenu that opened as the pointer passed over its item. */
  takeFocus?: boolean;
}) {
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState<{ left: number; top: number } | null>(null);
  const [open, setOpen] = useState<{ index: number; rect: DOMRect; focus: boolean } | null>(null);
  const items = sections.flat();

  // Measured once drawn (out of sight), then placed where it fits, and the first item takes the focus.
  useLayoutEffect(() => {
    const el = root.current;
    if (!el) return;
    const size = { width: el.offsetWidth, height: el.offsetHeight };
    const view = { width: window.innerWidth, height: window.innerHeight };
    setPos(anchor.item ? placeSubmenu(anchor.item, size, view) : placeMenu(anchor.point ?? { x: 0, y: 0 }, size, view));
  }, [anchor.item, anchor.point]);

  const placed = pos !== null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, when placed
  useEffect(() => {
    if (placed && takeFocus) buttons()[0]?.focus({ preventScroll: true });
  }, [placed]);

  const buttons = () => [...(root.current?.querySelectorAll<HTMLElement>(':scope > [role^="menuitem"]') ?? [])];

  const choose = (item: MenuItem, index: number, el: HTMLElement, byKey: boolean) => {
    if (item.disabled) return;
    if (item.items) {
      setOpen({ index, rect: el.getBoundingClientRect(), focus: byKey });
      return;
    }
    onClose('chosen');
    item.run?.();
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    // Keys inside an open submenu are its own.
    if (e.target instanceof Element && e.target.closest('.am-context-menu') !== root.current) return;
    const list = buttons();
    const at = list.indexOf(document.activeElement as HTMLElement);
    const go = (i: number) => {
      setOpen(null);
      list[(i + list.length) % list.length]?.focus();
    };
    const item = items[at];
    switch (e.key) {
      case 'ArrowDown':
        go(at + 1);
        break;
      case 'ArrowUp':
        go(at < 0 ? -1 : at - 1);
        break;
      case 'Home':
        go(0);
        break;
      case 'End':
        go(-1);
        break;
      case 'ArrowRight':
        if (item?.items && !item.disabled) setOpen({ index: at, rect: list[at]!.getBoundingClientRect(), focus: true });
        break;
      case 'ArrowLeft':
        if (!onBack) return;
        onBack();
        break;
      case 'Enter':
      case ' ':
        if (item) choose(item, at, list[at]!, true);
        break;
      case 'Escape':
        if (onBack) onBack();
        else onClose('key');
        break;
      case 'Tab':
        onClose('key');
        break;
      default: {
        // A letter: the next item that starts with it. Other keys stop here (Delete must not delete the selection).
        if (e.key.length !== 1 || e.ctrlKey || e.metaKey || e.altKey) {
          e.stopPropagation();
          return;
        }
        const letter = e.key.toLowerCase();
        for (let step = 1; step <= items.length; step++) {
          const i = (at + step) % items.length;
          if (items[i]!.label.toLowerCase().startsWith(letter)) {
            go(i);
            break;
          }
        }
      }
    }
    e.preventDefault();
    e.stopPropagation();
  };

  let index = -1;
  const sub = open ? items[open.index] : undefined;
  return (
    <>
      <div
        ref={root}
        role="menu"
        id={id}
        aria-label={label}
        className="am-context-menu"
        style={pos ? { left: pos.left, top: pos.top } : { left: 0, top: 0, visibility: 'hidden' }}
        onKeyDown={onKeyDown}
        onContextMenu={(e) => e.preventDefault()}
      >
        {sections.map((section, s) => [
          s > 0 && <div key={`sep${s}`} role="separator" className="am-menu-sep" />,
          ...section.map((item) => {
            const i = ++index;
            const hintId = item.hint ? `${id}-h${i}` : undefined;
            const isOpen = open?.index === i;
            return (
              <button
                key={`${s}-${item.label}`}
                type="button"
                tabIndex={-1}
                role={item.checked === undefined ? 'menuitem' : 'menuitemradio'}
                aria-checked={item.checked}
                aria-disabled={item.disabled || undefined}
                aria-haspopup={item.items ? 'menu' : undefined}
                aria-expanded={item.items ? isOpen : undefined}
                aria-keyshortcuts={item.keys?.replace('Ctrl', 'Control')}
                aria-describedby={hintId}
                className={`am-menu-item${item.danger ? ' is-danger' : ''}${isOpen ? ' is-open' : ''}`}
                onClick={(e) => choose(item, i, e.currentTarget, e.detail === 0)}
                onPointerEnter={(e) => {
                  if (e.pointerType !== 'mouse') return;
                  e.currentTarget.focus({ preventScroll: true });
                  if (item.items && !item.disabled) setOpen({ index: i, rect: e.currentTarget.getBoundingClientRect(), focus: false });
                  else if (open && open.index !== i) setOpen(null);
                }}
              >
                <span className="am-menu-check" aria-hidden="true">
                  {item.checked ? '✓' : ''}
                </span>
                <span className="am-menu-label">{item.label}</span>
                {item.keys && (
                  <span className="am-menu-keys" aria-hidden="true">
                    {item.keys}
                  </span>
                )}
                {item.hint && (
                  <span className="am-menu-hint" id={hintId}>
                    {item.hint}
                  </span>
                )}
                {item.items && (
                  <span className="am-menu-more" aria-hidden="true">
                    ›
                  </span>
                )}
              </button>
            );
          }),
        ])}
      </div>
      {open && sub?.items && (
        <MenuList
          key={open.index}
          label={sub.label}
          sections={[sub.items]}
          anchor={{ item: open.rect }}
          takeFocus={open.focus}
          onClose={onClose}
          onBack={() => {
            const i = open.index;
            setOpen(null);
            buttons()[i]?.focus();
          }}
        />
      )}
    </>
  );
}
