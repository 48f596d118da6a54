'use strict';
// The page talks only to the public HTTP API (/api), exactly as any script could.
window.Omoi = window.Omoi || {};
(function (Omoi) {
  const key = new URLSearchParams(location.search).get('code');

  /** The URL of an API path ('specs/…'), with the query given and the Functions key the page was opened with. */
  function url(path, query) {
    const target = new URL('api/' + path, document.baseURI);
    Object.entries(query || {}).forEach(([name, value]) => {
      if (value !== undefined && value !== null && value !== '') target.searchParams.set(name, value);
    });
    if (key) target.searchParams.set('code', key);
    return target.toString();
  }

  /** An answer other than 2xx: the status and the RFC 9457 problem (title, detail, errors by field) when there is one. */
  class ApiError extends Error {
    constructor(status, problem) {
      super(problem && (problem.detail || problem.title) || `The server answered ${status}.`);
      this.status = status;
      this.problem = problem || {};
    }
  }

  async function request(method, path, body, query) {
    const init = { method, headers: { Accept: 'application/json' } };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    const response = await fetch(url(path, query), init);
    const text = await response.text();
    let data = null;
    if (text) {
      try {
        data = JSON.parse(text);
      } catch {
        data = null;
      }
    }
    if (!response.ok) throw new ApiError(response.status, data);
    return data;
  }

  /** Every item of a list route, page by page. */
  async function all(path, query) {
    const items = [];
    let token = null;
    do {
      const page = await request('GET', path, undefined, Object.assign({}, query, { pageSize: 1000, continuationToken: token }));
      items.push(...page.items);
      token = page.continuationToken;
    } while (token);
    return items;
  }

  Omoi.api = {
    url,
    ApiError,
    get: (path, query) => request('GET', path, undefined, query),
    post: (path, body) => request('POST', path, body),
    all,
  };
})(window.Omoi);
