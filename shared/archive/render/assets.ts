/** The static assets: one stylesheet and one script, both same-origin as the CSP requires. */
import { indexSource } from '../search/index-source';
import { matcherSource } from '../search/matcher-source';
import { searchUiSource } from '../search/ui-source';

export const searchScript = `${matcherSource}\n${indexSource}\n${searchUiSource}`;

// Colours keep at least 4.5:1 contrast on their backgrounds (WCAG AA).
export const siteCss = `*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font-family:system-ui,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:#1f1f1f;background:#fff;line-height:1.8}
.wrap{max-width:48rem;margin:0 auto;padding:0 1rem}
a{color:#0a4a94}
a:hover,a:focus{color:#062f5f}
:focus-visible{outline:3px solid #c45500;outline-offset:2px}
.skip{position:absolute;left:-999rem;top:0;background:#fff;padding:.5rem 1rem;z-index:10}
.skip:focus{left:1rem}
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
header.site{border-bottom:3px solid #a40000;padding:.75rem 0}
header.site .wrap{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:center}
.brand{margin:0;font-weight:700;font-size:1.1rem}
.brand a{color:#a40000;text-decoration:none}
header.site nav ul{display:flex;gap:1rem;list-style:none;margin:0;padding:0}
form.search{display:flex;flex-wrap:wrap;gap:.4rem;align-items:center}
form.search input{font:inherit;padding:.3rem .5rem;border:1px solid #6b6b6b;border-radius:3px;min-width:12rem}
button.more{font:inherit;margin:.5rem 0 1rem;padding:.3rem .9rem}
form.search button{font:inherit;padding:.3rem .9rem;border:0;border-radius:3px;background:#a40000;color:#fff;cursor:pointer}
main{padding:1rem 0 2rem}
main:focus{outline:none}
h1{font-size:1.6rem;line-height:1.4}
h2{font-size:1.25rem;line-height:1.5}
.crumbs ol{list-style:none;padding:0;margin:0;display:flex;flex-wrap:wrap;gap:.25rem;font-size:.9rem;color:#4a4a4a}
.crumbs li+li::before{content:"›";margin-right:.25rem}
.masthead{text-align:center;border-bottom:2px solid #a40000;margin-bottom:1.5rem}
.masthead .series-name{color:#a40000;font-size:2.2rem;font-weight:700;letter-spacing:.3em;margin:.5rem 0}
.masthead h1{font-size:1.1rem;font-weight:400;margin:0}
.masthead .issue,.masthead .meta{margin:.25rem 0;color:#333}
.item{border-top:1px solid #ddd;padding-top:.5rem}
.item p{text-indent:2em}
.item p.units,.item p.permalink{text-indent:0}
.units{color:#4a4a4a}
.permalink{font-size:.9rem}
.issues{padding-left:1.25rem}
.titles{font-size:.95rem;padding-left:1.25rem}
.chart{margin:1rem 0;max-width:32rem}
.chart svg{display:block;height:auto}
.chart figcaption{font-size:.9rem;color:#4a4a4a}
.table-scroll{overflow-x:auto}
table.ranking{border-collapse:collapse;font-size:.95rem;min-width:100%}
table.ranking th,table.ranking td{border:1px solid #ccc;padding:.25rem .5rem;text-align:center}
table.ranking thead th{background:#f0f0f0;white-space:nowrap}
table.ranking tbody th{font-weight:400;text-align:left}
.chips{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;list-style:none;padding:0}
.results{padding-left:1.25rem}
.result h2{font-size:1.1rem;margin:1rem 0 .25rem}
.result-meta{margin:0;color:#4a4a4a;font-size:.9rem}
.result-snippet{margin:.25rem 0}
mark{background:#ffe27a;color:#1f1f1f}
footer.site{border-top:1px solid #ddd;color:#4a4a4a;font-size:.9rem;padding:1rem 0}
.record{max-width:48rem;margin:0 auto;padding:1rem}
.record footer{border-top:2px solid #a40000;margin-top:2rem;padding-top:.5rem}
@media print{header.site,footer.site,form.search,.crumbs,.permalink,.skip{display:none}}
`;
