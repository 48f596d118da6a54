'use strict';
// The create-spec form: POST /api/specs, then (when asked) POST /api/specs/{id}/execute. The API validates; its
// problem+json errors are shown beside the fields they name.
window.Omoi = window.Omoi || {};
(function (Omoi) {
  const f = Omoi.format;

  // One row per field: the API's name for it (the key of the problem's errors), the label and the input.
  const fields = [
    { name: 'title', label: 'Title', input: '<input id="f-title" name="title" type="text" autocomplete="off">' },
    { name: 'description', label: 'Description (the feature request, Markdown)', input: '<textarea id="f-description" name="description" rows="8"></textarea>' },
    { name: 'repository', label: 'Repository (an absolute path under the server\'s roots, or a git URL)', input: '<input id="f-repository" name="repository" type="text" autocomplete="off" spellcheck="false">' },
  ];
  const options = [
    { name: 'options.planner', label: 'Planner', input: '<input id="f-planner" name="options.planner" type="text" placeholder="server default">' },
    { name: 'options.maxParallelTasks', label: 'Tasks at once', input: '<input id="f-maxParallelTasks" name="options.maxParallelTasks" type="number" inputmode="numeric" placeholder="server default">' },
    { name: 'options.budgetUsd', label: 'Budget (USD)', input: '<input id="f-budgetUsd" name="options.budgetUsd" type="number" step="0.01" inputmode="decimal" placeholder="none">' },
    { name: 'options.agent', label: 'Agent', input: '<input id="f-agent" name="options.agent" type="text" spellcheck="false" placeholder="server default (a name the operator configured)">' },
    { name: 'options.checkCommand', label: 'Check command', input: '<input id="f-checkCommand" name="options.checkCommand" type="text" spellcheck="false" placeholder="detected test command">' },
    { name: 'options.taskTimeoutSeconds', label: 'Task time limit (seconds)', input: '<input id="f-taskTimeoutSeconds" name="options.taskTimeoutSeconds" type="number" inputmode="numeric" placeholder="server default">' },
    { name: 'options.maxRetries', label: 'Retries per task', input: '<input id="f-maxRetries" name="options.maxRetries" type="number" inputmode="numeric" placeholder="3">' },
    { name: 'options.sandbox', label: 'Sandbox', input: '<select id="f-sandbox" name="options.sandbox"><option value="">server default</option><option value="local">local (bubblewrap)</option><option value="daytona">daytona</option></select>' },
  ];
  const numeric = new Set(['options.maxParallelTasks', 'options.budgetUsd', 'options.taskTimeoutSeconds', 'options.maxRetries']);

  function fieldId(name) {
    return 'f-' + name.replace(/^options\./, '');
  }

  function row(field) {
    return `<div class="field" data-field="${field.name}">
      <label for="${fieldId(field.name)}">${f.html(field.label)}</label>
      ${field.input.replace('>', ` aria-describedby="${fieldId(field.name)}-error">`)}
      <p class="field-error" id="${fieldId(field.name)}-error"></p>
    </div>`;
  }

  function body(form) {
    const value = name => form.elements[name].value.trim();
    const request = { title: value('title'), description: value('description'), repository: value('repository'), options: {} };
    options.forEach(o => {
      const raw = value(o.name);
      if (raw === '') return;
      request.options[o.name.slice('options.'.length)] = numeric.has(o.name) && !Number.isNaN(Number(raw)) ? Number(raw) : raw;
    });
    request.options.requireApproval = ['requirements', 'design'].filter(gate => form.elements[`gate-${gate}`].checked);
    return request;
  }

  function clearErrors(form) {
    form.querySelectorAll('.field-error').forEach(p => { p.textContent = ''; });
    form.querySelectorAll('[aria-invalid]').forEach(e => e.removeAttribute('aria-invalid'));
    form.querySelector('#create-errors').innerHTML = '';
  }

  /** Each error beside its field; ones that name no field of the form (e.g. body) in the summary only. */
  function showErrors(form, error) {
    const summary = form.querySelector('#create-errors');
    const errors = error.problem.errors || {};
    const items = [];
    Object.entries(errors).forEach(([name, messages]) => {
      const text = `${name}: ${messages.join(' ')}`;
      const container = form.querySelector(`[data-field="${CSS.escape(name)}"]`);
      if (container) {
        container.querySelector('.field-error').textContent = messages.join(' ');
        container.querySelector('input, textarea, select')?.setAttribute('aria-invalid', 'true');
        container.closest('details')?.setAttribute('open', '');
        items.push(`<li><a href="#${fieldId(name)}">${f.html(text)}</a></li>`);
      } else {
        items.push(`<li>${f.html(text)}</li>`);
      }
    });
    summary.innerHTML = `<h2>${f.html(error.problem.title || 'The spec was not created.')}</h2>
      <p>${f.html(error.message)}</p>${items.length ? `<ul>${items.join('')}</ul>` : ''}`;
    summary.focus();
    summary.querySelectorAll('a').forEach(a => a.addEventListener('click', e => {
      e.preventDefault();
      form.querySelector(a.getAttribute('href')).focus();
    }));
  }

  function render(main) {
    main.innerHTML = `
      <h1>New spec</h1>
      <form id="create-spec" novalidate>
        <div id="create-errors" class="error-summary" role="alert" tabindex="-1"></div>
        ${fields.map(row).join('')}
        <details class="options">
          <summary>Options</summary>
          <fieldset class="field" data-field="options.requireApproval" aria-describedby="f-requireApproval-error">
            <legend>Approval gates (the run waits for you after these phases)</legend>
            <label><input type="checkbox" name="gate-requirements" id="f-gate-requirements"> requirements</label>
            <label><input type="checkbox" name="gate-design" id="f-gate-design"> design</label>
            <p class="field-error" id="f-requireApproval-error"></p>
          </fieldset>
          ${options.map(row).join('')}
        </details>
        <div class="field">
          <label><input type="checkbox" name="execute" id="f-execute" checked> Start the run now</label>
        </div>
        <p><button type="submit" class="primary">Create spec</button></p>
        <p id="create-status" role="status"></p>
      </form>`;
    const form = main.querySelector('form');
    form.addEventListener('submit', async event => {
      event.preventDefault();
      clearErrors(form);
      const status = form.querySelector('#create-status');
      const submit = form.querySelector('button[type=submit]');
      submit.disabled = true;
      status.textContent = 'Creating…';
      try {
        const spec = await Omoi.api.post('specs', body(form));
        if (form.elements.execute.checked) {
          status.textContent = 'Starting the run…';
          await Omoi.api.post(`specs/${encodeURIComponent(spec.id)}/execute`);
        }
        location.hash = `#/specs/${encodeURIComponent(spec.id)}`;
      } catch (error) {
        status.textContent = '';
        showErrors(form, error instanceof Omoi.api.ApiError ? error : new Omoi.api.ApiError(0, { detail: error.message }));
      } finally {
        submit.disabled = false;
      }
    });
  }

  Omoi.views = Omoi.views || {};
  Omoi.views.create = render;
})(window.Omoi);
