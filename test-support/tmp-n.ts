import { checkText } from '../src/check/check.js';
const t = `cluster c {\n  node a<b&c'd;$x addr=10.0.0.1/24\n  node n2 addr=10.0.0.2/24\n  property stonith-enabled=false\n  primitive p ocf:acme:thing {\n    params k<&>=v op=x\n  }\n  location l p prefers a<b&c'd;$x=10\n}\n`;
console.log(checkText(t, 'x').diagnostics.map(d => d.code + ' ' + d.message));
