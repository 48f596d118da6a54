/**
 * Text helpers shared by the sample-app front end.
 */

/**
 * Returns the greeting with its first letter upper-cased and surrounding whitespace removed.
 * @param {string} text
 * @returns {string}
 */
export function capitalize(text) {
  const trimmed = String(text ?? '').trim();
  return trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
}

/**
 * Returns text shortened to at most maxLength characters, ending in an ellipsis when cut.
 * @param {string} text
 * @param {number} maxLength a positive integer
 * @returns {string}
 */
export function truncate(text, maxLength) {
  if (!Number.isInteger(maxLength) || maxLength < 1) {
    throw new RangeError('maxLength must be a positive integer');
  }
  const value = String(text ?? '');
  return value.length <= maxLength ? value : `${value.slice(0, maxLength - 1)}…`;
}
