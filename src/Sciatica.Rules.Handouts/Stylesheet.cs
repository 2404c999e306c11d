namespace Sciatica.Rules.Handouts;

/// <summary>
/// The handout's one stylesheet, inlined: readable type in relative units (so that 200% zoom reflows rather than
/// cuts), colours above 7:1 contrast on white, one column on a narrow screen, and a print layout for A4 and US Letter
/// in which no exercise is split across pages.
/// </summary>
internal static class Stylesheet
{
    public const string Css = """
@page { margin: 12mm 12mm 14mm; }
* { box-sizing: border-box; }
html { color: #111; background: #fff; font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 100%; line-height: 1.45; }
body { margin: 0 auto; max-width: 54rem; padding: 1rem; }
h1 { font-size: 1.7rem; margin: 0 0 .4rem; }
h2 { font-size: 1.3rem; margin: 1.4rem 0 .5rem; }
h3 { font-size: 1.15rem; margin: 0 0 .3rem; }
h4 { font-size: 1rem; margin: .6rem 0 .2rem; }
p, li { max-width: 46rem; }
.layout { width: 100%; border-collapse: collapse; table-layout: fixed; }
.layout > tbody > tr > td, .layout > tfoot > tr > td { padding: 0; vertical-align: top; }
.decision { border: .2rem solid #0b3d91; border-radius: .4rem; padding: .6rem 1rem; margin: .6rem 0 1rem; }
.decision.act { border-color: #8b0000; background: #fff4f4; }
.decision .headline { font-size: 1.3rem; margin: .2rem 0; }
.stop { border: .2rem solid #8b0000; border-radius: .4rem; padding: .4rem 1rem; background: #fff4f4; }
.stop h2, .stop .stop-title { color: #8b0000; margin: .3rem 0; }
.stop-list { margin: .2rem 0 .4rem; padding-left: 1.2rem; }
.exercise { display: grid; grid-template-columns: minmax(9rem, 14rem) 1fr; gap: 1rem; border: .1rem solid #555; border-radius: .4rem; padding: .8rem; margin: 0 0 1rem; break-inside: avoid; page-break-inside: avoid; }
.exercise .figure svg { width: 100%; height: auto; display: block; }
.exercise .action { color: #0b3d91; }
.dose strong, .feel strong, .when-stop strong { margin-right: .35em; }
.reason + .reason::before { content: " "; }
.dose-part + .dose-part::before { content: " \00B7  "; }
.steps { padding-left: 1.4rem; margin: .2rem 0; }
svg .body, svg .move, svg .prop, svg .floor, svg .placeholder-mark { fill: none; stroke-linecap: round; stroke-linejoin: round; }
svg .body { stroke: #111; stroke-width: 5; }
svg .head { fill: #fff; stroke: #111; stroke-width: 4; }
svg .move { stroke: #0b3d91; stroke-width: 3; }
svg .prop { stroke: #555; stroke-width: 4; }
svg .floor { stroke: #555; stroke-width: 2; }
svg .mat { fill: #d9d9d9; }
svg .water { fill: #cfe3f5; }
svg .placeholder { fill: #f2f2f2; stroke: #555; stroke-width: 2; stroke-dasharray: 6 4; }
svg .placeholder-mark { stroke: #555; stroke-width: 3; }
.left-out li { margin-bottom: .4rem; }
.diary .grid { border-collapse: collapse; width: 100%; table-layout: fixed; margin: 0 0 .8rem; break-inside: avoid; page-break-inside: avoid; }
.diary caption { text-align: left; font-weight: bold; padding: .2rem 0; }
.diary th, .diary td { border: .06rem solid #333; padding: .1rem .15rem; text-align: center; vertical-align: middle; font-weight: normal; }
.diary thead th { font-weight: bold; }
.diary .label, .diary tbody th { width: 36%; text-align: left; overflow-wrap: break-word; hyphens: auto; }
.diary td { height: 1.5rem; }
.box { display: inline-block; width: .9rem; height: .9rem; border: .1rem solid #111; vertical-align: middle; }
footer { margin-top: 1.5rem; border-top: .1rem solid #555; font-size: .9rem; }
.print-only { display: none; }
@media (max-width: 40rem) {
  .exercise { grid-template-columns: 1fr; }
  .exercise .figure { max-width: 16rem; }
}
@media print {
  html { font-size: 10.5pt; }
  body { max-width: none; padding: 0; }
  .screen-only { display: none; }
  .print-only { display: table-footer-group; }
  .stop-footer { margin-top: .4rem; padding: .1rem .5rem; font-size: .8rem; line-height: 1.3; }
  .stop-footer .stop-title { margin: .1rem 0; }
  .stop-footer .stop-list { margin: 0; }
  .exercise { grid-template-columns: 9rem 1fr; gap: .7rem; padding: .5rem .7rem; margin-bottom: .6rem; }
  .exercise p, .exercise li { margin: .15rem 0; }
  .exercise h4 { margin: .3rem 0 .1rem; }
  .diary { break-before: page; }
  h2, h3 { break-after: avoid; }
}
""";
}
