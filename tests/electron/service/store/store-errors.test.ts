// Issue 14, attack 3: disk errors say what happened, in words, never "internal".
import { describe, expect, it } from 'vitest';
import {
  describeCode,
  diskErrorCode,
  ioError,
} from '../../../../electron/service/store/store-errors';

const err = (code: string) => Object.assign(new Error(`${code}: x`), { code });

describe('disk errors in words', () => {
  const table: [code: string, words: RegExp][] = [
    ['ENOSPC', /^the disk is full$/],
    ['EDQUOT', /^the disk is full$/],
    ['EROFS', /^the disk is read-only$/],
    ['EACCES', /permission was denied \(the folder may be read-only\)/],
    ['EPERM', /permission was denied/],
    ['EIO', /the disk reported an error/],
  ];
  for (const [code, words] of table) {
    it(code, () => {
      expect(describeCode(code)).toMatch(words);
      const e = ioError(err(code), 'save the change', 'Nothing was lost.');
      expect(e.code).toBe('io');
      expect(e.message).toMatch(/^Could not save the change: /);
      expect(e.message).not.toMatch(/internal/i);
    });
  }
  it('knows an errno error from any other', () => {
    expect(diskErrorCode(err('ENOSPC'))).toBe('ENOSPC');
    expect(diskErrorCode(new Error('x'))).toBeUndefined();
    expect(diskErrorCode(null)).toBeUndefined();
  });
});
