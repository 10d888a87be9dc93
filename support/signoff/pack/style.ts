/** One stylesheet for every page of the pack: readable on screen, one scenario a page on paper. */
export const PACK_CSS = `
:root{--ok:#1a7f37;--bad:#cf222e;--warn:#9a6700;--muted:#57606a;--line:#d0d7de}
*{box-sizing:border-box}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1f2328;max-width:1100px;margin:0 auto;padding:1.5em}
h1{font-size:1.6em;margin:.2em 0}h2{font-size:1.25em;margin:0 0 .3em}h3{font-size:1em;margin:1em 0 .4em}
a{color:#0969da}
.meta{color:var(--muted);margin:.2em 0 1em}
table{border-collapse:collapse;width:100%;margin:.4em 0}
th,td{border:1px solid var(--line);padding:.3em .55em;text-align:left;vertical-align:top}
thead th{background:#f6f8fa}
.badge{display:inline-block;border-radius:1em;padding:0 .6em;font-size:.85em;font-weight:600;border:1px solid currentColor;white-space:nowrap}
.passed,.approved{color:var(--ok)}.failed,.broken,.rejected{color:var(--bad)}.skipped,.unknown,.pending,.stale,.unsignable{color:var(--warn)}
section.scenario{border-top:2px solid var(--line);margin-top:2em;padding-top:1em}
ol.steps{padding-left:1.4em}ol.steps li{margin:.35em 0}
pre{white-space:pre-wrap;background:#fff5f5;border-left:3px solid var(--bad);padding:.5em .8em;font-size:.85em}
table.record{width:auto;min-width:50%}table.record caption{text-align:left;font-weight:600;padding:.3em 0}
table.record th{background:#f6f8fa;font-weight:500;width:14em}
img.screenshot{max-width:100%;border:1px solid var(--line);margin:.3em 0}
.signature{display:grid;grid-template-columns:1fr 1fr 1fr;gap:1.5em;margin-top:1.2em}
.signature div{border-top:1px solid #1f2328;padding-top:.2em;color:var(--muted);font-size:.85em}
code{background:#f6f8fa;padding:.1em .3em;border-radius:3px;font-size:.85em}
.charts{display:flex;flex-wrap:wrap;gap:1em}.charts figure{margin:.4em 0}svg.chart{max-width:100%;height:auto;border:1px solid var(--line)}
section.history{margin-top:2em}
@media print{
  body{max-width:none;padding:0;font-size:11pt}
  section.scenario{break-before:page;border:none;margin:0}
  table,img,li,pre{break-inside:avoid}
  a[href^="http"]::after{content:" (" attr(href) ")";font-size:.8em;color:var(--muted);word-break:break-all}
  .screen-only{display:none}
}
`;
