namespace Sciatica.Rules.Handouts;

/// <summary>
/// The handout's one stylesheet, inlined: readable type in relative units (so that 200% zoom reflows rather than
/// cuts), colours above 7:1 contrast on white, one column on a narrow screen, and a print layout for A4 and US Letter:
/// the page size set, body text at 12 pt, the stop box at 12 pt bold, no exercise split across pages, no page holding
/// only footer material.
/// </summary>
internal static class Stylesheet
{
    /// <summary>The stylesheet for a paper size: <see cref="Css"/> and the <c>@page</c> size.</summary>
    public static string For(PaperSize paper) => Css + (paper == PaperSize.Letter ? "@page { size: letter; }\n" : "@page { size: A4; }\n");

    public const string Css = """
@page { margin: 7mm 9mm 6mm; }
* { box-sizing: border-box; }
html { color: #111; background: #fff; font-family: Arial, "Liberation Sans", "DejaVu Sans", sans-serif; font-size: 100%; line-height: 1.4; }
body { margin: 0 auto; max-width: 54rem; padding: 1rem; }
h1 { font-size: 1.6rem; margin: 0 0 .4rem; }
h2 { font-size: 1.3rem; margin: 1.2rem 0 .5rem; }
h3 { font-size: 1.12rem; margin: 0 0 .3rem; }
p, li { max-width: 46rem; }
.layout { width: 100%; border-collapse: collapse; table-layout: fixed; }
.layout > tbody > tr > td, .layout > tfoot > tr > td { padding: 0; vertical-align: top; }
.clinic { display: flex; flex-wrap: wrap; gap: .3rem 1.2rem; margin: .2rem 0 .6rem; }
.clinic-field { display: flex; align-items: baseline; gap: .4rem; flex: 1 1 14rem; }
.clinic-field[data-clinic-field="affected-side"] { flex-basis: 24rem; }
.clinic dt { font-weight: bold; white-space: nowrap; }
.clinic dd { margin: 0; flex: 1 1 auto; }
.clinic .blank { display: inline-block; width: 100%; min-width: 6rem; border-bottom: .08rem solid #111; height: 1.1em; }
.decision { border: .2rem solid #0b3d91; border-radius: .4rem; padding: .4rem 1rem; margin: .4rem 0 .8rem; }
.decision.act { border-color: #8b0000; background: #fff4f4; }
.decision .headline { font-size: 1.25rem; margin: .2rem 0; }
.decision p, .decision ul { margin: .25rem 0; }
.stop { border: .2rem solid #8b0000; border-radius: .4rem; padding: .3rem 1rem; background: #fff4f4; margin: .6rem 0; }
.stop h2, .stop .stop-title { color: #8b0000; margin: .2rem 0; font-size: 1.15rem; }
.stop-list { margin: .2rem 0 .3rem; padding-left: 1.2rem; }
.stop-list li { margin: .1rem 0; }
.pregnancy p { margin: .2rem 0 .3rem; }
.exercise { display: grid; grid-template-columns: minmax(9rem, 13rem) 1fr; gap: 1rem; border: .1rem solid #555; border-radius: .4rem; padding: .7rem; margin: 0 0 .9rem; break-inside: avoid; page-break-inside: avoid; }
.exercise .figure svg { width: 100%; height: auto; display: block; }
.exercise .action { color: #0b3d91; }
.exercise p { margin: .2rem 0; }
.dose strong, .feel strong, .when-stop strong { margin-right: .35em; }
.dose-part + .dose-part::before { content: " \00B7  "; }
.steps { padding-left: 1.4rem; margin: .2rem 0; }
.stopped { padding-left: 1.2rem; }
.stopped li { margin-bottom: .4rem; }
svg .body, svg .move, svg .prop, svg .floor, svg .placeholder-mark, svg .start { fill: none; stroke-linecap: round; stroke-linejoin: round; }
svg .body { stroke: #111; stroke-width: 5; }
svg .start { stroke: #8a8a8a; stroke-width: 4; stroke-dasharray: 7 5; }
svg .head { fill: #fff; stroke: #111; stroke-width: 4; }
svg .start-head { fill: none; stroke: #8a8a8a; stroke-width: 3; stroke-dasharray: 5 4; }
svg .move { stroke: #0b3d91; stroke-width: 3; fill: none; }
svg .arrowhead { fill: #0b3d91; stroke: none; }
svg .eye { fill: #111; stroke: none; }
svg .prop { stroke: #555; stroke-width: 4; }
svg .floor { stroke: #555; stroke-width: 2; }
svg .mat { fill: #d9d9d9; }
svg .water { fill: #cfe3f5; }
svg .placeholder { fill: #f2f2f2; stroke: #555; stroke-width: 2; stroke-dasharray: 6 4; }
svg .placeholder-mark { stroke: #555; stroke-width: 3; }
.left-out li { margin-bottom: .4rem; }
.diary .grid { border-collapse: collapse; width: 100%; table-layout: fixed; margin: 0 0 .7rem; }
.diary caption { text-align: left; font-weight: bold; padding: .15rem 0; }
.diary thead { display: table-header-group; }
.diary tbody { break-inside: avoid; page-break-inside: avoid; }
.diary th, .diary td { border: .06rem solid #333; padding: .05rem .15rem; text-align: center; vertical-align: middle; font-weight: normal; }
.diary thead th { font-weight: bold; }
.diary tr.group th { text-align: left; background: #eee; }
.diary .label, .diary tbody th { width: 38%; text-align: left; overflow-wrap: break-word; hyphens: auto; line-height: 1.2; }
.diary td { height: 1.45rem; }
.box { display: inline-block; width: .85rem; height: .85rem; border: .1rem solid #111; vertical-align: middle; }
footer { margin-top: 1rem; border-top: .1rem solid #555; font-size: 1rem; }
footer p { margin: .3rem 0; }
.print-only { display: none; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media (max-width: 40rem) {
  .exercise { grid-template-columns: 1fr; }
  .exercise .figure { max-width: 16rem; }
  .diary th, .diary td { padding: .05rem; }
  .diary .label, .diary tbody th { width: 30%; }
}
@media print {
  html { font-size: 12pt; line-height: 1.2; }
  body { max-width: none; padding: 0; }
  h1 { font-size: 18pt; margin-bottom: 2pt; }
  h2 { font-size: 15pt; margin: 6pt 0 3pt; }
  h3 { font-size: 13pt; margin: 0 0 2pt; }
  .print-only { display: table-footer-group; }
  /* On paper the emergency line is at the foot of every page, this one included: the box above says the rest. */
  .program .stop-box .stop-emergency { display: none; }
  .stop, .stop h2, .stop p, .stop li, .stop strong { font-size: 12pt; font-weight: bold; }
  .stop h2 { font-size: 13pt; }
  .stop { padding: 2pt 8pt; margin: 4pt 0; }
  .stop-footer { margin: 4pt 0 0; line-height: 1.2; padding: 1pt 6pt; }
  .stop-footer .stop-title { margin: 0; color: #111; font-size: 12pt; }
  .stop-footer .stop-title > strong:first-child { color: #8b0000; }
  .decision { padding: 2pt 8pt; margin: 4pt 0; }
  .decision .headline { font-size: 14pt; }
  .clinic { margin: 2pt 0 4pt; gap: 3pt 14pt; }
  .plan > p, .changes > p { margin: 3pt 0; }
  .exercise { grid-template-columns: 25mm 1fr; gap: 0 3mm; padding: 2pt 6pt; margin: 0 0 4pt; border-width: .06rem; line-height: 1.16; }
  /* On paper a lying-down drawing sits beside the name and dose, and the steps run the card's full width below it; an
     upright drawing (.tall) has the steps beside it too. When to stop always runs the full width. */
  .exercise { grid-template-areas: "fig title" "fig action" "fig dose" "steps steps" "stop stop"; }
  .exercise:has(.figure.tall) { grid-template-areas: "fig title" "fig action" "fig dose" "fig steps" "stop stop"; grid-template-rows: auto auto auto 1fr auto; }
  .exercise .body { display: contents; }
  .exercise .figure { grid-area: fig; }
  .exercise h3 { grid-area: title; }
  .exercise .action { grid-area: action; }
  .exercise .dose { grid-area: dose; }
  .exercise .steps { grid-area: steps; }
  .exercise .when-stop { grid-area: stop; }
  .exercise .figure { padding-top: 2pt; }
  .exercise p, .exercise li { margin: 1pt 0; }
  .steps { margin: 1pt 0; padding-left: 16pt; }
  .left-out li { margin-bottom: 2pt; break-inside: avoid; }
  .left-out-section h2 { break-after: avoid; }
  footer { margin-top: 4pt; font-size: 12pt; break-before: avoid; break-inside: avoid; }
  /* On paper the closing footer ends the plan, before the diary: after the diary it could be pushed onto a page of its
     own (Chromium does not keep it with the diary's last rows), a page holding only footer material (#25). */
  main { display: flex; flex-direction: column; }
  main > .diary { order: 1; }
  footer p { margin: 1pt 0; }
  .why-section p, .left-out-section > p { margin: 2pt 0; }
  .left-out { margin: 2pt 0; padding-left: 16pt; }
  /* The diary's heading stays with its first lines; the grid may start on the next page, its row of days with it. */
  .diary h2, .diary > p:first-of-type { break-after: avoid; }
  .diary > p { break-inside: avoid; }
  .diary > p { margin: 2pt 0; }
  /* The diary's grid at 11 pt; at 12 pt when the plan is short enough (.roomy: up to three exercises). */
  .diary .grid { font-size: 11pt; }
  .diary .grid.roomy { font-size: 12pt; }
  .diary th, .diary td { padding: 0 3pt; line-height: 1.1; }
  .diary .label, .diary tbody th { width: 46%; }
  /* The row of days never stays behind alone at the foot of a page: it goes with the first exercise's rows. */
  .diary thead { break-after: avoid; }
  .diary tbody:first-of-type { break-before: avoid; }
  .diary td { height: 1.1em; }
  .diary caption { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  .box { width: .75em; height: .75em; }
  h2, h3, caption { break-after: avoid; }
}
""";
}
