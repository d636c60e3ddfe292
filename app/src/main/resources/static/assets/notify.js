// One click acknowledges: the acknowledgement page submits its own form when opened by a person's browser.
document.addEventListener('DOMContentLoaded', function () {
  var form = document.getElementById('ack-form');
  if (form && !form.dataset.sent) {
    form.dataset.sent = '1';
    form.submit();
  }
});
