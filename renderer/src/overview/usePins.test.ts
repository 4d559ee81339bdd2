import { describe, expect, it } from 'vitest';
import { movedPins } from './usePins';

describe('movedPins', () => {
  it('moves a card one place either way and stops at the ends', () => {
    expect(movedPins(['a', 'b', 'c'], 'b', -1)).toEqual(['b', 'a', 'c']);
    expect(movedPins(['a', 'b', 'c'], 'b', 1)).toEqual(['a', 'c', 'b']);
    expect(movedPins(['a', 'b', 'c'], 'a', -1)).toEqual(['a', 'b', 'c']);
    expect(movedPins(['a', 'b', 'c'], 'c', 5)).toEqual(['a', 'b', 'c']);
    expect(movedPins(['a', 'b'], 'x', 1)).toEqual(['a', 'b']);
  });
});
