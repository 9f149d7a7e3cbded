/**
 * Menus: a popup list of commands (role=menu) for the toolbar's menu buttons
 * and the article's context menu. Arrow keys move, Enter or Space runs,
 * Escape closes and returns focus; typing a letter jumps to an item.
 */
import { Fragment } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';

export interface MenuItem {
  label: string;
  /** Shown at the right, e.g. `1` or `Ctrl+Z`. */
  hint?: string;
  disabled?: boolean;
  /** Why it is disabled, as a tooltip. */
  title?: string;
  run?: () => void;
  separatorBefore?: boolean;
  testId?: string;
}

export interface MenuProps {
  items: MenuItem[];
  label: string;
  onClose: (restoreFocus: boolean) => void;
  /** Fixed position (context menu); without it the menu drops below its anchor. */
  at?: { x: number; y: number };
  class?: string;
}

export function Menu({ items, label, onClose, at, class: cls }: MenuProps) {
  const ref = useRef<HTMLDivElement>(null);
  const enabled = items.map((it, i) => (it.disabled ? -1 : i)).filter((i) => i >= 0);
  const [focus, setFocus] = useState(enabled[0] ?? -1);
  const [pos, setPos] = useState(at);

  useLayoutEffect(() => {
    if (!at || !ref.current) return;
    const r = ref.current.getBoundingClientRect();
    setPos({
      x: Math.max(8, Math.min(at.x, window.innerWidth - r.width - 8)),
      y: Math.max(8, Math.min(at.y, window.innerHeight - r.height - 8)),
    });
  }, [at?.x, at?.y]);

  useEffect(() => {
    const el = ref.current?.querySelector<HTMLElement>(`[data-index="${focus}"]`);
    el?.focus();
  }, [focus]);

  useEffect(() => {
    const onDown = (e: MouseEvent) => {
      if (
        ref.current &&
        !ref.current.contains(e.target as Node) &&
        !(e.target as HTMLElement).closest?.('[aria-haspopup="menu"]')
      )
        onClose(false);
    };
    document.addEventListener('mousedown', onDown, true);
    return () => document.removeEventListener('mousedown', onDown, true);
  }, [onClose]);

  const move = (delta: number) => {
    if (!enabled.length) return;
    const i = enabled.indexOf(focus);
    setFocus(enabled[(i + delta + enabled.length) % enabled.length]!);
  };

  const run = (i: number) => {
    const it = items[i];
    if (!it || it.disabled) return;
    onClose(false);
    it.run?.();
  };

  return (
    <div
      ref={ref}
      role="menu"
      aria-label={label}
      class={`menu ${at ? 'menu-floating' : ''} ${cls ?? ''}`}
      style={pos ? { left: `${pos.x}px`, top: `${pos.y}px` } : undefined}
      onKeyDown={(e) => {
        if (e.key === 'ArrowDown') move(1);
        else if (e.key === 'ArrowUp') move(-1);
        else if (e.key === 'Home') setFocus(enabled[0] ?? -1);
        else if (e.key === 'End') setFocus(enabled[enabled.length - 1] ?? -1);
        else if (e.key === 'Escape' || e.key === 'Tab') onClose(e.key === 'Escape');
        else if (e.key === 'Enter' || e.key === ' ') run(focus);
        else if (e.key.length === 1 && /\S/.test(e.key)) {
          const k = e.key.toLowerCase();
          const hit =
            enabled.find((i) => items[i]!.label.toLowerCase().startsWith(k) && i !== focus) ??
            enabled.find((i) => items[i]!.label.toLowerCase().startsWith(k));
          if (hit !== undefined) setFocus(hit);
          else return;
        } else return;
        e.preventDefault();
        e.stopPropagation();
      }}
    >
      {items.map((it, i) => (
        <Fragment key={i}>
          {it.separatorBefore ? <div role="separator" class="menu-separator" /> : null}
          <button
            type="button"
            role="menuitem"
            class="menu-item"
            data-index={i}
            data-testid={it.testId}
            tabIndex={i === focus ? 0 : -1}
            aria-disabled={it.disabled ? 'true' : undefined}
            title={it.title}
            onMouseEnter={() => !it.disabled && setFocus(i)}
            onClick={() => run(i)}
          >
            <span class="menu-label">{it.label}</span>
            {it.hint ? <kbd class="menu-hint">{it.hint}</kbd> : null}
          </button>
        </Fragment>
      ))}
    </div>
  );
}

/** A toolbar button that opens a menu below itself. */
export function MenuButton({
  label,
  items,
  title,
  class: cls,
}: {
  label: string;
  items: MenuItem[];
  title?: string;
  class?: string;
}) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  return (
    <div class="menu-anchor">
      <button
        ref={button}
        type="button"
        class={`button ${cls ?? ''}`}
        aria-haspopup="menu"
        aria-expanded={open}
        title={title}
        onClick={() => setOpen(!open)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        {label} <span aria-hidden="true">▾</span>
      </button>
      {open ? (
        <Menu
          items={items}
          label={label}
          onClose={(restore) => {
            setOpen(false);
            if (restore) button.current?.focus();
          }}
        />
      ) : null}
    </div>
  );
}
