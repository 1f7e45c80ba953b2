/*
 * planpress serve: reloads the page when the site is rebuilt.
 *
 * Only `planpress serve` adds this script; a built site never has it. The
 * server sends a "hello" event with the current build's id whenever this page
 * connects, and a "reload" event after each rebuild. A hello with an id other
 * than the first one seen means a rebuild happened while the connection was
 * down (or the server restarted), so the page reloads then too. Without
 * EventSource the script does nothing.
 */
(function () {
  'use strict';
  if (typeof window.EventSource !== 'function') {
    return;
  }
  var build = null;
  var events = new window.EventSource('/_planpress/events');
  events.addEventListener('hello', function (e) {
    if (build !== null && build !== e.data) {
      window.location.reload();
    }
    build = e.data;
  });
  events.addEventListener('reload', function () {
    window.location.reload();
  });
})();
