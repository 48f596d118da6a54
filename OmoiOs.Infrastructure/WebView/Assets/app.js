'use strict';
// The router: #/ the spec list, #/new the create form, #/specs/{id}[/requirements|design|tasks] one spec (on that tab). Each view gets the main element and
// may return a function that stops what it started (the event feed).
window.Omoi = window.Omoi || {};
(function (Omoi) {
  let dispose = null;

  function route() {
    // In-page links (#main, the skip link) are not routes.
    if (location.hash && !location.hash.startsWith('#/')) return;
    const main = document.getElementById('main');
    if (dispose) dispose();
    dispose = null;
    const hash = location.hash.replace(/^#/, '') || '/';
    const spec = hash.match(/^\/specs\/([^/]+)(?:\/(requirements|design|tasks))?$/);
    if (spec) {
      dispose = Omoi.views.spec(main, decodeURIComponent(spec[1]), spec[2]);
    } else if (hash === '/new') {
      document.title = 'New spec · OmoiOs';
      Omoi.views.create(main);
    } else {
      document.title = 'Specs · OmoiOs';
      Omoi.views.list(main);
    }
    document.querySelectorAll('.site-header nav a').forEach(a => {
      if (a.getAttribute('href') === '#' + hash) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
    });
    // A new view: move focus to its heading, as a page load would, for keyboard and screen-reader users.
    const heading = main.querySelector('h1');
    if (heading) {
      heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
    }
  }

  function start() {
    window.addEventListener('hashchange', route);
    if (location.hash && !location.hash.startsWith('#/')) history.replaceState(null, '', '#/');
    route();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
})(window.Omoi);
