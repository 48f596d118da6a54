'use strict';
// Small helpers the views share: escaping, wording of wire values, money, times.
window.Omoi = window.Omoi || {};
(function (Omoi) {
  const escapeMap = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

  function html(value) {
    return String(value ?? '').replace(/[&<>"']/g, c => escapeMap[c]);
  }

  /** snake_case wire values as words: awaiting_approval → awaiting approval. */
  function words(value) {
    return String(value ?? '').replace(/_/g, ' ');
  }

  function usd(value) {
    const number = Number(value ?? 0);
    return '$' + number.toFixed(number !== 0 && Math.abs(number) < 0.01 ? 4 : 2);
  }

  function time(value) {
    if (!value) return '';
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? String(value) : date.toLocaleString();
  }

  /** A status badge: the word is always shown, the colour only repeats it. */
  function badge(status) {
    return `<span class="badge status-${html(status)}">${html(words(status))}</span>`;
  }

  /** The last lines of a long text (an agent's or a check's output). */
  function tail(text, lines) {
    const all = String(text ?? '').split('\n');
    return all.length <= lines ? all.join('\n') : '…\n' + all.slice(-lines).join('\n');
  }

  Omoi.format = { html, words, usd, time, badge, tail };
})(window.Omoi);
