// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { SHORTCUTS, displayKey, matchesKey } from '../../../renderer/editor/shortcuts';

const ev = (key: string, mods: Partial<KeyboardEventInit> = {}) =>
  new KeyboardEvent('keydown', { key, ...mods });

describe('shortcuts', () => {
  it.each([
    ['Mod-z', ev('z', { ctrlKey: true }), true],
    ['Mod-z', ev('z', { ctrlKey: true, shiftKey: true }), false],
    ['Shift-Mod-z', ev('Z', { ctrlKey: true, shiftKey: true }), true],
    ['?', ev('?', { shiftKey: true }), true],
    ['/', ev('/'), true],
    ['F1', ev('F1'), true],
    ['1', ev('1', { altKey: true }), false],
  ])('%s matches %#', (key, event, want) => expect(matchesKey(event, key)).toBe(want));

  it('has no key bound twice', () => {
    const keys = SHORTCUTS.flatMap((s) => s.keys);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('displays keys readably', () => {
    expect(displayKey('Mod-f')).toBe('Ctrl+F');
    expect(displayKey('Shift-F10')).toBe('Shift+F10');
    expect(displayKey('1')).toBe('1');
  });
});
