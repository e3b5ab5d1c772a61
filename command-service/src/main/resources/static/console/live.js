// The live meeting screen, enhanced: "all present" / "all aye" / "all no" fill the grid without a reload, and the
// vote's tally and threshold arithmetic follow every change before the clerk submits. Without JavaScript the
// shortcuts are links that reload the screen with the grid filled, and the record still counts the vote itself.
(function () {
  'use strict';

  function fill(form, prefix, value) {
    form.querySelectorAll('input[type="radio"][name^="' + prefix + '"]').forEach(function (radio) {
      radio.checked = radio.value === value;
    });
    form.dispatchEvent(new Event('change'));
  }

  function format(pattern, values) {
    return pattern.replace(/\{(\d+)\}/g, function (_, i) { return String(values[Number(i)]); });
  }

  function tally(form) {
    var out = document.getElementById('tally');
    if (!out) { return; }
    var rows = form.querySelectorAll('tbody tr');
    var counts = { AYE: 0, NO: 0, ABSTAIN: 0, RECUSED: 0 };
    var unmarked = 0;
    rows.forEach(function (row) {
      var chosen = row.querySelector('input[type="radio"]:checked');
      if (chosen) { counts[chosen.value] += 1; } else { unmarked += 1; }
    });
    if (unmarked > 0) {
      out.textContent = format(out.dataset.incomplete, [counts.AYE, counts.NO, counts.ABSTAIN, counts.RECUSED,
        unmarked]);
      return;
    }
    var needed = JSON.parse(form.dataset.needed || '[]');
    var cast = counts.AYE + counts.NO;
    var need = needed[Math.min(cast, needed.length - 1)];
    var carries = counts.AYE > 0 && counts.AYE >= need;
    out.textContent = format(out.dataset.line, [counts.AYE, counts.NO, counts.ABSTAIN, counts.RECUSED,
      form.dataset.threshold, need, cast, carries ? out.dataset.carries : out.dataset.fails]);
  }

  document.querySelectorAll('[data-fill]').forEach(function (control) {
    control.addEventListener('click', function (event) {
      event.preventDefault();
      fill(control.closest('form'), control.dataset.fill, control.dataset.value);
    });
  });

  var vote = document.getElementById('vote');
  if (vote) {
    vote.addEventListener('change', function () { tally(vote); });
    tally(vote);
  }
  window.civicConsoleReady = true;   // the shortcuts work from here on (tests wait for it)
})();
