'use strict';
// The spec list: GET /api/specs, a page at a time.
window.Omoi = window.Omoi || {};
(function (Omoi) {
  const f = Omoi.format;

  function row(spec) {
    const budget = spec.options && spec.options.budgetUsd != null ? ` of ${f.usd(spec.options.budgetUsd)}` : '';
    return `<tr>
      <th scope="row"><a href="#/specs/${encodeURIComponent(spec.id)}">${f.html(spec.title)}</a><div class="muted">${f.html(spec.id)}</div></th>
      <td>${f.badge(spec.status)}</td>
      <td>${f.html(f.words(spec.currentPhase))}</td>
      <td>${f.html(spec.progress)}%</td>
      <td>${f.usd(spec.costUsd)}${budget}</td>
      <td>${f.html(f.time(spec.createdAt))}</td>
    </tr>`;
  }

  async function render(main) {
    main.innerHTML = `
      <h1>Specs</h1>
      <p><a class="button" href="#/new">New spec</a></p>
      <div id="spec-list-message" role="status"></div>
      <div class="table-scroll" role="region" aria-labelledby="spec-list-caption" tabindex="0">
        <table id="spec-list">
          <caption id="spec-list-caption">Specs, newest first as the API lists them</caption>
          <thead><tr><th scope="col">Title</th><th scope="col">Status</th><th scope="col">Phase</th><th scope="col">Progress</th><th scope="col">Cost</th><th scope="col">Created</th></tr></thead>
          <tbody></tbody>
        </table>
      </div>
      <p><button type="button" id="spec-list-more" hidden>Load more</button></p>`;
    const body = main.querySelector('tbody');
    const more = main.querySelector('#spec-list-more');
    const message = main.querySelector('#spec-list-message');
    let token = null;

    async function load() {
      try {
        const page = await Omoi.api.get('specs', { pageSize: 50, continuationToken: token });
        body.insertAdjacentHTML('beforeend', page.items.map(row).join(''));
        token = page.continuationToken;
        more.hidden = !token;
        if (!body.children.length) message.textContent = 'No specs yet. Create one with "New spec".';
      } catch (error) {
        message.textContent = `The specs could not be listed: ${error.message}`;
      }
    }

    more.addEventListener('click', load);
    await load();
  }

  Omoi.views = Omoi.views || {};
  Omoi.views.list = render;
})(window.Omoi);
