import { describe, expect, it } from 'vitest';
import { closestMatches, didYouMean, editDistance } from '../../src/desired/suggest.js';

describe('suggestions', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['kitten', 'sitting', 3],
    ['concurency', 'concurrency', 1],
    ['BasicQueue', 'BasicQueue', 0],
  ])('editDistance(%j, %j) = %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });

  it('suggests close candidates, closest first, ignoring case', () => {
    expect(closestMatches('concurency', ['channel', 'concurrency', 'crossChannelBehavior'])).toEqual(['concurrency']);
    expect(closestMatches('voice', ['VOICE', 'CHAT', 'TASK', 'EMAIL'])).toEqual(['VOICE']);
    expect(closestMatches('Sale', ['Sales', 'Sale2', 'Support'])).toEqual(['Sales', 'Sale2']);
    expect(closestMatches('owner', ['name', 'description'])).toEqual([]);
  });

  it('does not compare absurdly long inputs', () => {
    expect(closestMatches('x'.repeat(10_000), ['x'.repeat(10_000)])).toEqual([]);
  });

  it('phrases the hint', () => {
    expect(didYouMean('Sale', ['Sales', 'Sale2'])).toBe('; did you mean "Sales" or "Sale2"?');
    expect(didYouMean('voice', ['VOICE'], false)).toBe('; did you mean VOICE?');
    expect(didYouMean('zzz', ['VOICE'])).toBe('');
  });
});
