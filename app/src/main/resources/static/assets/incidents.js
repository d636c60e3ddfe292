// Countdowns to reporting deadlines: every element with data-due (an ISO instant) shows the time left.
(function () {
  function text(ms) {
    var s = Math.floor(Math.abs(ms) / 1000);
    var d = Math.floor(s / 86400), h = Math.floor((s % 86400) / 3600), m = Math.floor((s % 3600) / 60);
    var span = (d > 0 ? d + ' ngày ' : '') + h + ' giờ ' + m + ' phút';
    return (ms < 0 ? 'quá hạn ' : 'còn ') + span;
  }
  function tick() {
    document.querySelectorAll('.countdown[data-due]').forEach(function (el) {
      var ms = Date.parse(el.dataset.due) - Date.now();
      if (!el.dataset.label) { el.dataset.label = el.classList.contains('tag') ? el.textContent + ': ' : ''; }
      el.textContent = el.dataset.label + text(ms);
      el.classList.toggle('overdue', ms < 0);
    });
  }
  document.addEventListener('DOMContentLoaded', function () { tick(); setInterval(tick, 30000); });
})();
