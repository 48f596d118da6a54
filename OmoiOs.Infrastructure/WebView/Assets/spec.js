'use strict';
// One spec: summary, steering (execute, cancel, approve or reject at a gate), requirements / design / tasks tabs,
// the task graph and the live event log. Every section is drawn again only when its data changed.
window.Omoi = window.Omoi || {};
(function (Omoi) {
  const f = Omoi.format;
  const api = Omoi.api;
  const finished = new Set(['completed', 'failed', 'cancelled']);
  const tabs = ['requirements', 'design', 'tasks'];

  function skeleton() {
    return `
      <nav aria-label="Breadcrumb" class="breadcrumb"><a href="#/">Specs</a> <span aria-hidden="true">›</span> <span id="crumb"></span></nav>
      <h1 id="spec-title">Spec</h1>
      <div id="spec-load-error" role="alert"></div>
      <section aria-labelledby="summary-heading" class="summary">
        <h2 id="summary-heading" class="visually-hidden">Summary</h2>
        <dl id="spec-summary"></dl>
      </section>
      <div class="actions" id="spec-actions">
        <button type="button" id="execute-button" hidden>Execute</button>
        <button type="button" id="cancel-button" class="danger" hidden>Cancel run</button>
      </div>
      <p id="action-status" role="status"></p>
      <div id="action-error" role="alert"></div>
      <section id="approval" class="approval" aria-labelledby="approval-heading" hidden></section>
      <div class="tabs">
        <div role="tablist" aria-label="Spec documents">
          ${tabs.map((t, i) => `<button type="button" role="tab" id="tab-${t}" aria-controls="panel-${t}" aria-selected="${i === 0}" tabindex="${i === 0 ? 0 : -1}">${t[0].toUpperCase() + t.slice(1)}</button>`).join('')}
        </div>
        <section role="tabpanel" id="panel-requirements" aria-labelledby="tab-requirements" tabindex="0"><p>Loading…</p></section>
        <section role="tabpanel" id="panel-design" aria-labelledby="tab-design" tabindex="0" hidden><p>Loading…</p></section>
        <section role="tabpanel" id="panel-tasks" aria-labelledby="tab-tasks" tabindex="0" hidden>
          <figure class="graph">
            <div id="task-graph" class="graph-canvas" aria-hidden="true"></div>
            <figcaption id="graph-caption" aria-live="polite"></figcaption>
            <ul class="legend" aria-label="Colours of the graph">
              ${Object.entries({ pending: 'pending', running: 'running', needs_revision: 'needs revision', completed: 'completed', failed: 'failed', blocked: 'blocked', cancelled: 'cancelled' })
                .map(([status, label]) => `<li><span class="swatch" style="background:${Omoi.statusColours[status]}"></span>${label}</li>`).join('')}
              <li><span class="swatch critical"></span>critical path</li>
            </ul>
          </figure>
          <div id="task-cards" class="cards"></div>
        </section>
      </div>
      <section aria-labelledby="events-heading" class="events">
        <h2 id="events-heading">Live events</h2>
        <p id="feed-mode" class="muted"></p>
        <div id="event-log" class="event-log" role="log" aria-live="polite" aria-relevant="additions" aria-labelledby="events-heading" tabindex="0"><ol></ol></div>
      </section>`;
  }

  function setUpTabs(main, specId) {
    const buttons = tabs.map(t => main.querySelector(`#tab-${t}`));
    function select(button, focus) {
      buttons.forEach(b => {
        const selected = b === button;
        b.setAttribute('aria-selected', String(selected));
        b.tabIndex = selected ? 0 : -1;
        main.querySelector(`#${b.getAttribute('aria-controls')}`).hidden = !selected;
      });
      if (focus) button.focus();
      // The address names the tab, so it can be shared; replaceState does not fire hashchange.
      history.replaceState(null, '', `#/specs/${encodeURIComponent(specId)}/${button.id.slice(4)}`);
      main.dispatchEvent(new CustomEvent('omoi:tab', { detail: button.id.slice(4) }));
    }
    buttons.forEach((button, index) => {
      button.addEventListener('click', () => select(button, false));
      button.addEventListener('keydown', e => {
        const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: buttons.length - 1 }[e.key];
        if (next === undefined) return;
        e.preventDefault();
        select(buttons[(next + buttons.length) % buttons.length], true);
      });
    });
    return name => select(main.querySelector(`#tab-${name}`), false);
  }

  function summary(spec) {
    const budget = spec.options.budgetUsd;
    const cost = budget != null
      ? `${f.usd(spec.costUsd)} of ${f.usd(budget)} <meter min="0" max="${f.html(budget)}" value="${f.html(spec.costUsd)}" aria-label="Cost against budget"></meter>`
      : `${f.usd(spec.costUsd)} (no budget)`;
    const rows = [
      ['Status', `<span id="spec-status" data-status="${f.html(spec.status)}">${f.badge(spec.status)}</span>`],
      ['Phase', f.html(f.words(spec.currentPhase))],
      ['Progress', `<progress max="100" value="${f.html(spec.progress)}" aria-label="Progress"></progress> ${f.html(spec.progress)}%`],
      ['Cost', cost],
      ['Repository', `<code>${f.html(spec.repository)}</code>`],
      ['Branch', `<code>${f.html(spec.branch)}</code>`],
      ['Approval gates', f.html(spec.options.requireApproval.join(', ') || 'none')],
      ['Created', f.html(f.time(spec.createdAt))],
    ];
    if (spec.failureReason) rows.push(['Why it stopped', `<span id="failure-reason">${f.html(spec.failureReason)}</span>`]);
    return rows.map(([term, value]) => `<div><dt>${term}</dt><dd>${value}</dd></div>`).join('');
  }

  function requirementCard(r) {
    const met = r.acceptanceCriteria.filter(c => c.completed).length;
    return `<article class="card requirement" aria-labelledby="req-${f.html(r.id)}">
      <h3 id="req-${f.html(r.id)}">${f.html(r.key)}: ${f.html(r.title)}</h3>
      <p class="tags"><span class="tag">EARS: ${f.html(f.words(r.pattern))}</span> <span class="tag">${f.html(f.words(r.category))}</span>
        <span class="tag">priority ${f.html(r.priority)}</span> ${f.badge(r.status)}</p>
      <p>${f.html(r.text)}</p>
      <h4>Acceptance criteria (${met} of ${r.acceptanceCriteria.length} met)</h4>
      <ul class="criteria">${r.acceptanceCriteria.map(c =>
        `<li class="${c.completed ? 'met' : 'unmet'}"><span class="mark">${c.completed ? '✓ met' : '○ not met'}</span> ${f.html(c.text)}</li>`).join('')}</ul>
    </article>`;
  }

  /** Says a draft may still change, and what a re-plan changed against the version it replaced. */
  function reviewNote(name, review) {
    if (!review || !review.draft) return '';
    const c = review.changes;
    const list = (what, titles) => titles.length ? `<li>${what}: ${titles.map(t => f.html(t)).join('; ')}</li>` : '';
    const changes = !c ? ''
      : c.added.length + c.removed.length + c.changed.length === 0 ? '<p>Planned again: nothing changed against the version it replaced.</p>'
      : `<p>Planned again; against the version it replaced:</p><ul class="plan-changes">${list('added', c.added)}${list('removed', c.removed)}${list('changed', c.changed)}</ul>`;
    return `<div class="draft-note" role="note" data-review="${f.html(name)}"><p><strong>Draft</strong>: planning has not finished or waits for approval, so this may still change.</p>${changes}</div>`;
  }

  function requirements(list, review) {
    return list.length
      ? `<h2 class="visually-hidden">Requirements</h2>${reviewNote('requirements', review)}${list.map(requirementCard).join('')}`
      : '<p>No requirements yet: the REQUIREMENTS phase writes them.</p>';
  }

  function design(d) {
    if (!d) return '<p>No design yet: the DESIGN phase writes it.</p>';
    const section = (title, body) => body ? `<h3>${title}</h3>${body}` : '';
    const text = value => value ? `<p>${f.html(value)}</p>` : '';
    return `<h2 class="visually-hidden">Design</h2>${reviewNote('design', d)}
      ${section('Architecture', text(d.architectureOverview))}
      ${section('Components', d.components.length ? `<ul>${d.components.map(c =>
        `<li><strong>${f.html(c.name)}</strong> (${f.html(c.type)}) <code>${f.html(c.filePath)}</code>: ${f.html(c.responsibility)}</li>`).join('')}</ul>` : '')}
      ${section('Data models', d.dataModels.length ? `<ul>${d.dataModels.map(m =>
        `<li><strong>${f.html(m.name)}</strong>: ${f.html(m.description)} ${m.fields.map(x => `<code>${f.html(x.name)}: ${f.html(x.type)}</code>`).join(' ')}</li>`).join('')}</ul>` : '')}
      ${section('API endpoints', d.apiEndpoints.length ? `<ul>${d.apiEndpoints.map(e =>
        `<li><code>${f.html(e.method)} ${f.html(e.path)}</code> ${f.html(e.response)}</li>`).join('')}</ul>` : '')}
      ${section('Error handling', text(d.errorHandling))}
      ${section('Testing', text(d.testingStrategy))}
      ${section('Security', text(d.securityConsiderations))}`;
  }

  /** The planned tasks joined with their executable tasks: the status is the executable task's once there is one. */
  function joinTasks(list, workTasks) {
    const work = new Map(workTasks.map(w => [w.id, w]));
    return list.items.map(t => {
      const w = t.workTaskId ? work.get(t.workTaskId) : undefined;
      return Object.assign({}, t, { work: w, status: w ? w.status : t.status });
    });
  }

  function taskCard(t, keys, critical) {
    const w = t.work || {};
    const result = w.result || {};
    const failure = w.error || w.feedback;
    const rows = [
      ['Attempts', w.attempts ?? 0],
      ['Branch', w.branch || result.branch ? `<code>${f.html(w.branch || result.branch)}</code>` : '—'],
      ['Diff stat', result.diffStat ? `<code>${f.html(result.diffStat)}</code>` : '—'],
      ['Cost', f.usd(result.costUsd)],
      ['Depends on', f.html(t.dependsOn.map(d => keys.get(d) || d).join(', ') || 'nothing')],
      ['Estimate', `${f.html(t.estimatedHours)} h${critical.has(t.id) ? ' · on the critical path' : ''}`],
    ];
    if (result.exitCode != null) rows.push(['Exit code', f.html(result.exitCode)]);
    return `<article class="card task${critical.has(t.id) ? ' critical' : ''}" id="task-${f.html(t.id)}" data-key="${f.html(t.key)}" data-status="${f.html(t.status)}" tabindex="-1" aria-labelledby="task-${f.html(t.id)}-title">
      <h3 id="task-${f.html(t.id)}-title">${f.html(t.key)}: ${f.html(t.title)} ${f.badge(t.status)}</h3>
      <dl>${rows.map(([term, value]) => `<div><dt>${term}</dt><dd>${value}</dd></div>`).join('')}</dl>
      ${failure ? `<details class="failure" data-task="${f.html(t.id)}"><summary>${{ failed: 'Why it failed', blocked: 'Why it is blocked' }[t.status] || 'Last attempt\'s problem'}</summary><pre>${f.html(f.tail(failure, 40))}</pre></details>` : ''}
    </article>`;
  }

  function eventLine(e) {
    const payload = e.payload && Object.keys(e.payload).length ? JSON.stringify(e.payload) : '';
    const text = payload.length > 240 ? payload.slice(0, 239) + '…' : payload;
    return `<li data-sequence="${e.sequence}"><span class="seq">#${e.sequence}</span> <time datetime="${f.html(e.at)}">${f.html(new Date(e.at).toLocaleTimeString())}</time>
      <strong>${f.html(f.words(e.type))}</strong> <span class="muted">${f.html(e.entityType)} ${f.html(e.entityId)}</span> ${text ? `<code>${f.html(text)}</code>` : ''}</li>`;
  }

  function approvalForm(gate) {
    return `<h2 id="approval-heading">Approval needed: ${f.html(gate)}</h2>
      <p>The run waits for your decision on the ${f.html(gate)} below. Rejecting runs the phase again with your comment as feedback.</p>
      <div id="approval-subject"></div>
      <form id="approval-form">
        <div class="field">
          <label for="approval-comment">Comment (optional; the planner reads it when you reject)</label>
          <textarea id="approval-comment" rows="3"></textarea>
        </div>
        <div class="actions">
          <button type="submit" class="primary" value="approve">Approve ${f.html(gate)}</button>
          <button type="submit" value="reject">Reject with comment</button>
        </div>
      </form>`;
  }

  function approvalSubject(gate, state) {
    if (gate === 'requirements') {
      return state.requirements.length
        ? `${reviewNote('requirements', state.reviews.requirements)}<p>You are approving ${state.requirements.length} requirements:</p><ul id="approval-items">${state.requirements.map(r =>
            `<li><strong>${f.html(r.key)}</strong> ${f.html(r.title)} <span class="muted">(${f.html(f.words(r.pattern))}, ${r.acceptanceCriteria.length} criteria)</span></li>`).join('')}</ul>
            <p><a href="#panel-requirements" data-tab="requirements">Read them in full</a></p>`
        : '<p>The requirements are loading…</p>';
    }
    const d = state.design;
    return d
      ? `${reviewNote('design', d)}<p>You are approving this design: ${f.html(d.architectureOverview)}</p><ul id="approval-items">${d.components.map(c =>
          `<li><strong>${f.html(c.name)}</strong> <code>${f.html(c.filePath)}</code></li>`).join('')}</ul>
          <p><a href="#panel-design" data-tab="design">Read it in full</a></p>`
      : '<p>The design is loading…</p>';
  }

  function render(main, specId, tab) {
    main.innerHTML = skeleton();
    const $ = selector => main.querySelector(selector);
    const selectTab = setUpTabs(main, specId);
    const drawn = {};
    const state = { spec: null, tasks: [], critical: [], requirements: [], design: null, reviews: {} };
    const graph = new Omoi.TaskGraph($('#task-graph'), $('#graph-caption'), id => {
      const card = main.querySelector(`#task-${CSS.escape(id)}`);
      if (card) { card.scrollIntoView({ block: 'nearest' }); card.focus(); }
    });
    const openFailures = new Set();

    /** Sets a section's HTML only when its data changed, so focus, typing and open details survive refreshes. */
    function draw(name, data, element, html) {
      const signature = JSON.stringify(data);
      if (drawn[name] === signature) return false;
      drawn[name] = signature;
      element.innerHTML = html();
      return true;
    }

    function show() {
      const spec = state.spec;
      document.title = `${spec.title} · OmoiOs`;
      $('#spec-title').textContent = spec.title;
      $('#crumb').textContent = spec.id;
      draw('summary', spec, $('#spec-summary'), () => summary(spec));
      $('#execute-button').hidden = !['draft', 'failed', 'planning_complete'].includes(spec.status);
      $('#execute-button').textContent = spec.status === 'draft' ? 'Execute' : 'Run again from where it stopped';
      $('#cancel-button').hidden = ['completed', 'cancelled'].includes(spec.status);

      const gate = spec.status === 'awaiting_approval' ? spec.pendingApproval : null;
      const approval = $('#approval');
      approval.hidden = !gate;
      if (gate && draw('approval', gate, approval, () => approvalForm(gate))) {
        approval.querySelector('form').addEventListener('submit', e => decide(e, gate));
        drawn.approvalSubject = null;
      }
      if (!gate) drawn.approval = null;
      if (gate) {
        draw('approvalSubject', [gate, state.requirements, state.design, state.reviews], approval.querySelector('#approval-subject'), () => approvalSubject(gate, state));
      }

      draw('requirements', [state.requirements, state.reviews.requirements], $('#panel-requirements'), () => requirements(state.requirements, state.reviews.requirements));
      draw('design', state.design, $('#panel-design'), () => design(state.design));
      const keys = new Map(state.tasks.map(t => [t.id, t.key]));
      const critical = new Set(state.critical);
      if (draw('tasks', [state.tasks, state.critical, state.reviews.tasks], $('#task-cards'), () => state.tasks.length
        ? reviewNote('tasks', state.reviews.tasks) + state.tasks.map(t => taskCard(t, keys, critical)).join('')
        : '<p>No tasks yet: the TASKS phase plans them and SYNC stores them.</p>')) {
        main.querySelectorAll('details.failure').forEach(d => {
          d.open = openFailures.has(d.dataset.task);
          d.addEventListener('toggle', () => { if (d.open) openFailures.add(d.dataset.task); else openFailures.delete(d.dataset.task); });
        });
      }
      main.querySelector('figure.graph').hidden = state.tasks.length === 0;
      // Drawn only while visible (a hidden container has no size to lay out in); the tab's opening draws it afresh.
      if ($('#panel-tasks').hidden) graph.describe(state.tasks, state.critical); else graph.update(state.tasks, state.critical);
    }

    let loading = null;
    let again = false;
    async function refresh() {
      if (loading) { again = true; return loading; }
      loading = (async () => {
        try {
          const id = encodeURIComponent(specId);
          const [spec, list, work, reqs, des] = await Promise.all([
            api.get(`specs/${id}`),
            api.get(`specs/${id}/tasks`),
            api.all('tasks', { specId }),
            api.get(`specs/${id}/requirements`),
            api.get(`specs/${id}/design`).catch(e => (e.status === 404 ? null : Promise.reject(e))),
          ]);
          const reviews = { requirements: { draft: reqs.draft, changes: reqs.changes }, tasks: { draft: list.draft, changes: list.changes } };
          Object.assign(state, { spec, tasks: joinTasks(list, work), critical: list.criticalPath || [], requirements: reqs.items, design: des, reviews });
          $('#spec-load-error').textContent = '';
          show();
        } catch (error) {
          $('#spec-load-error').textContent = `The spec could not be loaded: ${error.message}`;
        }
      })();
      await loading;
      loading = null;
      if (again) { again = false; await refresh(); }
    }

    let pending = null;
    function refreshSoon() {
      if (!pending) pending = setTimeout(() => { pending = null; refresh(); }, 150);
    }

    const log = $('#event-log ol');
    const feed = new Omoi.EventFeed(
      specId,
      event => {
        log.insertAdjacentHTML('beforeend', eventLine(event));
        while (log.children.length > 500) log.firstElementChild.remove();
        refreshSoon();
      },
      mode => {
        $('#feed-mode').textContent = {
          stream: 'Live: receiving events as they happen.',
          reconnecting: 'Connection lost; reconnecting (the stream resumes after the last event received).',
          polling: 'Live: checking for new events every two seconds.',
          stopped: 'The run has finished; no more events are expected.',
        }[mode];
      },
      async () => {
        await refresh();
        return state.spec !== null && finished.has(state.spec.status);
      });

    async function act(button, message, action) {
      $('#action-error').textContent = '';
      $('#action-status').textContent = message;
      button.disabled = true;
      try {
        await action();
        $('#action-status').textContent = `${message.replace(/…$/, '')}: done.`;
        feed.start();
        await refresh();
      } catch (error) {
        $('#action-status').textContent = '';
        $('#action-error').textContent = error.message;
      } finally {
        button.disabled = false;
      }
    }

    function decide(event, gate) {
      event.preventDefault();
      const approved = event.submitter ? event.submitter.value !== 'reject' : true;
      const comment = main.querySelector('#approval-comment').value.trim();
      act(event.submitter || main.querySelector('#approval-form button'), approved ? `Approving the ${gate}…` : `Rejecting the ${gate}…`,
        () => api.post(`specs/${encodeURIComponent(specId)}/approve`, { gate, approved, comment: comment || null }));
    }

    $('#execute-button').addEventListener('click', e =>
      act(e.currentTarget, 'Starting the run…', () => api.post(`specs/${encodeURIComponent(specId)}/execute`)));
    $('#cancel-button').addEventListener('click', e => {
      if (!window.confirm('Cancel this run? Unfinished tasks are cancelled; finished work is kept.')) return;
      act(e.currentTarget, 'Cancelling…', () => api.post(`specs/${encodeURIComponent(specId)}/cancel`));
    });
    main.addEventListener('click', e => {
      const link = e.target.closest('a[data-tab]');
      if (!link) return;
      e.preventDefault();
      selectTab(link.dataset.tab);
      main.querySelector(`#tab-${link.dataset.tab}`).focus();
    });
    main.addEventListener('omoi:tab', e => {
      if (e.detail === 'tasks') {
        graph.shape = '';
        graph.update(state.tasks, state.critical);
      }
    });

    if (tab) selectTab(tab);
    refresh().then(() => feed.start());
    return () => {
      feed.stop();
      clearTimeout(pending);
      graph.destroy();
    };
  }

  Omoi.views = Omoi.views || {};
  Omoi.views.spec = render;
})(window.Omoi);
