'use strict';
// A spec's events, live: the server-sent event stream of GET /api/specs/{id}/events (the browser reconnects by
// itself and sends Last-Event-ID), or, where the host answers that route with JSON pages only (the Functions app),
// polling it with ?after=N.
window.Omoi = window.Omoi || {};
(function (Omoi) {
  // The stream names each event by its type (SpecEventTypes in Core; a test keeps this list equal to it).
  const eventTypes = [
    'spec_created', 'status_changed', 'phase_started', 'phase_completed', 'phase_failed', 'phase_retry',
    'approval_requested', 'approval_received', 'requirements_generated', 'design_generated', 'tasks_generated',
    'sync_completed', 'execution_started', 'ticket_created', 'task_created', 'task_started', 'task_retry',
    'task_completed', 'task_failed', 'task_blocked', 'criterion_met', 'execution_completed', 'spec_cancelled',
    'run_restarted',
  ];
  const pollInterval = 2000;

  class EventFeed {
    /**
     * @param {string} specId
     * @param {(event: object) => void} onEvent called once per event, in sequence order
     * @param {(mode: string) => void} onMode told 'stream', 'reconnecting', 'polling' or 'stopped'
     * @param {() => Promise<boolean>} isOver whether the spec has finished (read afresh): once every event is read, the feed then stops
     */
    constructor(specId, onEvent, onMode, isOver) {
      this.specId = specId;
      this.onEvent = onEvent;
      this.onMode = onMode;
      this.isOver = isOver;
      this.last = 0;
      this.source = null;
      this.timer = null;
      this.stopped = true;
    }

    start() {
      if (!this.stopped) return;
      this.stopped = false;
      if ('EventSource' in window) this.stream(); else this.poll();
    }

    stop() {
      this.stopped = true;
      if (this.source) this.source.close();
      this.source = null;
      clearTimeout(this.timer);
      this.onMode('stopped');
    }

    stream() {
      const source = new EventSource(Omoi.api.url(`specs/${encodeURIComponent(this.specId)}/events`, { after: this.last }));
      this.source = source;
      const receive = message => this.deliver(JSON.parse(message.data));
      eventTypes.forEach(type => source.addEventListener(type, receive));
      source.onmessage = receive;
      source.onopen = () => this.onMode('stream');
      source.onerror = () => {
        if (this.stopped) return;
        if (source.readyState === EventSource.CLOSED) {
          // Not an event stream (a host that answers with JSON pages): read the pages instead.
          this.source = null;
          this.poll();
        } else {
          // The server ends the stream of a finished spec once it has sent every event; otherwise the browser
          // reconnects by itself, sending Last-Event-ID.
          Promise.resolve(this.isOver()).then(over => {
            if (this.stopped) return;
            if (over) this.stop(); else this.onMode('reconnecting');
          });
        }
      };
    }

    async poll() {
      this.onMode('polling');
      while (!this.stopped) {
        try {
          const page = await Omoi.api.get(`specs/${encodeURIComponent(this.specId)}/events`, { after: this.last });
          page.items.forEach(e => this.deliver(e));
          if (page.items.length > 0) continue;
          if (await this.isOver()) {
            this.stop();
            return;
          }
        } catch {
          // The next round tries again.
        }
        await new Promise(resolve => { this.timer = setTimeout(resolve, pollInterval); });
      }
    }

    deliver(event) {
      if (event.sequence <= this.last) return;
      this.last = event.sequence;
      this.onEvent(event);
    }
  }

  Omoi.EventFeed = EventFeed;
  Omoi.eventTypes = eventTypes;
})(window.Omoi);
