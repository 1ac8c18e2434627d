import { describe, expect, test } from 'vitest';
import {
  asOf,
  formatDateRange,
  formatFigure,
  formatFigureAsOf,
  formatKind,
  formatPartialDate,
} from '../../../lib/ui/format';

describe('formatPartialDate', () => {
  test.each([
    ['2024', '2024'],
    ['2024-06', 'June 2024'],
    ['2024-06-19', '19 June 2024'],
    ['2017-04-27', '27 April 2017'],
    ['1950-01', 'January 1950'],
    ['2024-12-31', '31 December 2024'],
    ['June 2024', 'June 2024'], // not a partial date: as given
  ])('%s → %s', (date, expected) => {
    expect(formatPartialDate(date)).toBe(expected);
  });

  test.each([
    ['2024-06', 'Jun 2024'],
    ['2023-09', 'Sept 2023'],
    ['2017-04-16', '16 Apr 2017'],
    ['2024', '2024'],
  ])('short: %s → %s', (date, expected) => {
    expect(formatPartialDate(date, 'short')).toBe(expected);
  });

  test.each([
    ['1950', '1953', '1950–1953'],
    ['2024', '2025', '2024–2025'],
    ['2024-06', undefined, 'June 2024'],
    ['2024', '2024', '2024'],
  ])('range %s to %s → %s', (start, end, expected) => {
    expect(formatDateRange(start, end)).toBe(expected);
  });
});

describe('formatFigure', () => {
  test.each([
    [29_000_000, 'USD', '$29 million'],
    [1_100_000_000, 'USD', '$1.1 billion'],
    [3_500_000_000, 'USD', '$3.5 billion'],
    [1_234_567, 'USD', '$1.2 million'],
    [950, 'USD', '$950'],
    [9_000, 'USD', '$9,000'],
    [29_000_000, 'EUR', '€29 million'],
    [29_000_000, 'RUB', '₽29 million'],
    [2, 'percent', '2%'],
    [90, 'percent', '90%'],
    [2.5, 'percent', '2.5%'],
    [9_000, 'containers', '9,000 containers'],
    [1, 'containers', '1 container'],
    [24, 'years', '24 years'],
    [5, 'rank', '5th'],
    [1, 'rank', '1st'],
    [22, 'rank', '22nd'],
    [13, 'rank', '13th'],
    [12_000, 'workers', '12,000 workers'],
    [2_000_000, 'tonnes', '2 million tonnes'],
  ])('%s %s → %s', (value, unit, expected) => {
    expect(formatFigure({ value, unit })).toBe(expected);
  });

  test('"as of" the year the figure is about', () => {
    expect(asOf(2023)).toBe('as of 2023');
    expect(formatFigureAsOf({ value: 29_000_000, unit: 'USD', year: 2023 })).toBe('$29 million (as of 2023)');
  });
});

test('formatKind', () => {
  expect(formatKind('organisation')).toBe('Organisation');
  expect(formatKind('treaty')).toBe('Treaty');
});
