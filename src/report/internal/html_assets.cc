#include "report/internal/html_assets.h"

namespace citecheck::report::internal {

// Colours: every text colour below has a contrast ratio of at least 4.5:1 (WCAG AA)
// against the background it is drawn on, including the verdict tints. Verdicts also
// differ by sign, word and underline style, never by colour alone.
const std::string_view kReportStyle = R"css(
:root{--ink:#1f2328;--muted:#57606a;--line:#d0d7de;--page:#f3f5f8;--card:#fff;--link:#0a4fbf;--focus:#0b57d0;
--ok:#116329;--ok-bg:#dcf5e3;--ok-line:#1a7f37;--bad:#a0111f;--bad-bg:#ffe3e6;--bad-line:#cf222e;
--nf:#7a4100;--nf-bg:#fff0c2;--nf-line:#9a6700;--un:#464e59;--un-bg:#e8ebef;--un-line:#6e7781}
*{box-sizing:border-box}
body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Liberation Sans","DejaVu Sans",sans-serif;color:var(--ink);background:var(--page)}
a{color:var(--link);text-underline-offset:2px}
a:hover{text-decoration-thickness:2px}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
.skip{position:absolute;left:1rem;top:-4rem;z-index:9;background:var(--card);padding:.5rem 1rem;border:2px solid var(--focus);border-radius:6px}
.skip:focus{top:1rem}
.top{background:var(--card);border-bottom:1px solid var(--line)}
.wrap{max-width:1440px;margin:0 auto;padding:1.25rem 2rem}
.kicker{margin:0;color:var(--muted);font-size:.8rem;font-weight:600;letter-spacing:.06em;text-transform:uppercase}
h1{margin:.3rem 0 .35rem;font-size:1.65rem;line-height:1.25}
h2{margin:0 0 .8rem;font-size:1.2rem;line-height:1.3}
.meta{margin:0;color:var(--muted);font-size:.9rem;overflow-wrap:anywhere}
code{font-family:ui-monospace,"DejaVu Sans Mono","Liberation Mono",monospace;font-size:.88em}
.card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:1.25rem 1.5rem;margin:0 0 1.5rem}
.summary{display:grid;grid-template-columns:minmax(14rem,auto) 1fr;gap:1.25rem 2.5rem;align-items:center}
.score-value{margin:0;font-size:3rem;font-weight:700;line-height:1}
.score-label{margin:.35rem 0 0;font-weight:600}
.score-line{margin:.2rem 0 0;color:var(--muted);font-size:.92rem}
.gate{display:inline-block;margin:.6rem 0 0;padding:.15rem .7rem;border-radius:999px;font-size:.9rem;font-weight:600;border:1px solid}
.gate.pass{color:var(--ok);background:var(--ok-bg);border-color:var(--ok-line)}
.gate.fail{color:var(--bad);background:var(--bad-bg);border-color:var(--bad-line)}
.counts{display:flex;flex-wrap:wrap;gap:.6rem;margin:0;padding:0;list-style:none}
.count{display:flex;align-items:baseline;gap:.45rem;min-width:10.5rem;padding:.55rem .9rem;border:1px solid var(--v-line);border-radius:8px;background:var(--v-bg);color:var(--v);font-weight:600}
.count .n{font-size:1.6rem;line-height:1}
.bar{display:block;width:100%;height:10px;margin-top:.9rem;border-radius:5px;overflow:hidden}
.bar .v-supported{fill:var(--ok-line)}.bar .v-contradicted{fill:var(--bad-line)}.bar .v-not-found{fill:var(--nf-line)}.bar .v-unverifiable{fill:var(--un-line)}
.v-supported{--v:var(--ok);--v-bg:var(--ok-bg);--v-line:var(--ok-line)}
.v-contradicted{--v:var(--bad);--v-bg:var(--bad-bg);--v-line:var(--bad-line)}
.v-not-found{--v:var(--nf);--v-bg:var(--nf-bg);--v-line:var(--nf-line)}
.v-unverifiable{--v:var(--un);--v-bg:var(--un-bg);--v-line:var(--un-line)}
.badge{display:inline-flex;align-items:center;gap:.3rem;padding:.05rem .55rem;border:1px solid var(--v-line);border-radius:999px;background:var(--v-bg);color:var(--v);font-size:.85rem;font-weight:600;white-space:nowrap}
.sign{font-weight:700}
.findings{margin:0;padding-left:1.2rem}
.findings li{margin:.2rem 0}
.layout{display:grid;grid-template-columns:minmax(0,1fr) minmax(21rem,31rem);gap:1.5rem;align-items:start}
.panel{position:sticky;top:1rem;max-height:calc(100vh - 2rem);overflow:auto}
.hint{margin:-.3rem 0 1rem;color:var(--muted);font-size:.9rem}
table{width:100%;border-collapse:collapse;font-size:.93rem}
caption{text-align:left}
th,td{padding:.5rem .6rem;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
th{color:var(--muted);font-size:.78rem;font-weight:600;letter-spacing:.04em;text-transform:uppercase}
tbody tr:last-child td{border-bottom:0}
.claims tr:has(button[aria-current]){background:#eef4ff}
.num{white-space:nowrap;font-variant-numeric:tabular-nums}
.cited{font-size:.85rem;color:var(--muted);max-width:14rem}
.sources td{font-size:.9rem}
.sources .url{word-break:break-all}
.pick{padding:0;border:0;background:none;color:var(--link);font:inherit;font-weight:600;text-decoration:underline;text-underline-offset:2px;cursor:pointer;text-align:left}
.quote{color:var(--ink)}
.quote strong{font-weight:700}
.draft{max-width:44rem;font-family:Charter,"Bitstream Charter",Georgia,"DejaVu Serif","Liberation Serif",serif;font-size:1.07rem;line-height:1.75}
.draft h3{font-size:1.5rem;line-height:1.3}.draft h4{font-size:1.25rem}.draft h5,.draft h6{font-size:1.07rem}
.draft h3,.draft h4,.draft h5,.draft h6{margin:1.6rem 0 .6rem;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Liberation Sans","DejaVu Sans",sans-serif}
.draft table{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Liberation Sans","DejaVu Sans",sans-serif}
.draft img{max-width:100%}
.hl{margin:0;padding:0 .15em;border:0;border-bottom:2px solid var(--v-line);border-radius:3px 3px 0 0;background:var(--v-bg);color:inherit;font:inherit;line-height:inherit;cursor:pointer}
.hl.v-contradicted{border-bottom:3px double var(--v-line)}
.hl.v-not-found{border-bottom-style:dashed}
.hl.v-unverifiable{border-bottom-style:dotted}
.hl .sign{margin-left:.12em;color:var(--v);font-family:system-ui,"DejaVu Sans",sans-serif;font-size:.72em;vertical-align:.45em}
.hl:hover{box-shadow:inset 0 -1.2em 0 rgba(255,255,255,.35)}
.hl[aria-current]{outline:2px solid var(--ink);outline-offset:1px}
.hl:focus-visible{outline:3px solid var(--focus)}
.panel-empty p{margin:.3rem 0 .8rem;color:var(--muted)}
.legend{margin:0;padding:0;list-style:none}
.legend li{margin:.45rem 0}
.detail{border-top:1px solid var(--line);padding-top:1rem;margin-top:1rem}
.detail:first-of-type{border-top:0;margin-top:0;padding-top:0}
.js .detail{border-top:0;margin-top:0;padding-top:0}
.detail:focus{outline:none}
.detail:focus-visible{outline:3px solid var(--focus);outline-offset:4px}
.detail h3{margin:0 0 .5rem;font-size:1.1rem;display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}
.detail h4{margin:1.1rem 0 .35rem;font-size:.8rem;font-weight:600;letter-spacing:.05em;text-transform:uppercase;color:var(--muted)}
.claim-text{margin:.3rem 0;font-family:Charter,Georgia,"DejaVu Serif","Liberation Serif",serif;font-size:1.02rem}
.claim-text mark{background:var(--v-bg);color:inherit;border-bottom:2px solid var(--v-line);font-weight:700;padding:0 .1em}
.where{margin:.3rem 0;font-size:.9rem;color:var(--muted)}
.reason{margin:.2rem 0}
.passage{margin:.3rem 0;padding:.7rem .9rem;border-left:4px solid var(--v-line);border-radius:0 6px 6px 0;background:#f6f8fa;font-family:Charter,Georgia,"DejaVu Serif","Liberation Serif",serif;font-size:.98rem;overflow-wrap:anywhere}
.passage mark{background:#fff3a3;color:inherit;font-weight:700;padding:0 .12em;outline:1px solid #9a6700;border-radius:2px}
.facts{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:.3rem .8rem;margin:.3rem 0;font-size:.92rem}
.facts dt{color:var(--muted)}
.facts dd{margin:0;overflow-wrap:anywhere}
.reasons{margin:.2rem 0 0;padding-left:1.1rem;color:var(--muted);font-size:.85rem}
.flag{display:inline-block;margin-top:.2rem;color:var(--bad);font-weight:600;font-size:.88rem}
.muted{color:var(--muted)}
.src-name{font-weight:600}
.url{font-size:.85rem;overflow-wrap:anywhere}
details summary{cursor:pointer;color:var(--link)}
footer{color:var(--muted);font-size:.85rem}
@media (max-width:1050px){.layout{grid-template-columns:1fr}.panel{position:static;max-height:none}.summary{grid-template-columns:1fr}}
@media print{body{background:#fff}.panel{position:static;max-height:none}.detail[hidden]{display:block}.skip{display:none}}
)css";

const std::string_view kReportScript = R"js(
(function () {
  'use strict';
  var panel = document.getElementById('panel');
  if (!panel) return;
  var details = Array.prototype.slice.call(panel.querySelectorAll('.detail'));
  var order = details.map(function (d) { return d.getAttribute('data-detail'); });
  var empty = document.getElementById('panel-empty');
  var live = document.getElementById('announce');
  var current = null;
  document.documentElement.classList.add('js');
  details.forEach(function (d) { d.hidden = true; });
  if (empty) empty.hidden = false;

  function show(id, how) {
    var detail = document.getElementById('detail-' + id);
    if (!detail) return;
    details.forEach(function (d) { d.hidden = d !== detail; });
    if (empty) empty.hidden = true;
    document.querySelectorAll('button[data-claim]').forEach(function (b) {
      if (b.getAttribute('data-claim') === id) b.setAttribute('aria-current', 'true');
      else b.removeAttribute('aria-current');
    });
    current = id;
    if (how.hash && location.hash !== '#claim=' + id) {
      try { history.replaceState(null, '', '#claim=' + id); } catch (e) { /* file: URLs */ }
    }
    if (live) live.textContent = detail.getAttribute('data-announce') || '';
    panel.scrollTop = 0;
    var mention = how.scroll && document.getElementById('m-' + id + '-0');
    if (mention) {
      var box = mention.getBoundingClientRect();
      if (box.top < 0 || box.bottom > window.innerHeight) mention.scrollIntoView({block: 'center'});
    }
    if (how.focus) {
      detail.focus({preventScroll: !!how.scroll});
    } else if (how.hash && getComputedStyle(panel).position !== 'sticky') {
      // One column (narrow screens): the evidence is below; bring it into view.
      detail.scrollIntoView({block: 'start'});
    }
  }

  document.addEventListener('click', function (e) {
    var target = e.target instanceof Element ? e.target : null;
    if (!target) return;
    var button = target.closest('button[data-claim]');
    if (button) {
      // detail 0: activated from the keyboard, so the evidence takes the focus.
      show(button.getAttribute('data-claim'), {hash: true, focus: e.detail === 0});
      return;
    }
    var link = target.closest('a[data-goto]');
    var goal = link && document.getElementById(link.getAttribute('data-goto'));
    if (goal) {
      e.preventDefault();
      goal.scrollIntoView({block: 'center'});
      goal.focus({preventScroll: true});
    }
  });

  document.addEventListener('keydown', function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented) return;
    if (e.key !== 'j' && e.key !== 'k') return;
    var t = e.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    if (!order.length) return;
    var i = order.indexOf(current);
    if (e.key === 'j') i = i < 0 ? 0 : Math.min(i + 1, order.length - 1);
    else i = i < 0 ? order.length - 1 : Math.max(i - 1, 0);
    e.preventDefault();
    show(order[i], {hash: true, focus: true, scroll: true});
  });

  function fromHash() {
    var m = /^#claim=([A-Za-z0-9_-]+)$/.exec(location.hash);
    if (m) show(m[1], {});
  }
  window.addEventListener('hashchange', fromHash);
  fromHash();
})();
)js";

}  // namespace citecheck::report::internal
